using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// <paramref name="capacity"/> identical units (ADCs shared by columns, a bus), handed over in FIFO
/// order of request.
/// </summary>
public sealed class Resource(Simulation simulation, int capacity, string? name = null)
    : ResourceBase(simulation, capacity, name)
{
    private long[] _queue = new long[16];
    private int _head;
    private int _count;

    /// <summary>Requests one unit; yield the handle to wait for it and dispose it to release.</summary>
    public ResourceRequest Request() => NewRequest(Priority.Normal);

    private protected override void Enqueue(int record, int generation, int priority, long sequence)
    {
        if (_count == _queue.Length)
        {
            var larger = new long[_queue.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = _queue[(_head + i) & (_queue.Length - 1)];
            }

            _queue = larger;
            _head = 0;
        }

        _queue[(_head + _count) & (_queue.Length - 1)] = ((long)generation << 32) | (uint)record;
        _count++;
    }

    private protected override bool TryDequeue(out int record, out int generation)
    {
        if (_count == 0)
        {
            record = generation = 0;
            return false;
        }

        long entry = _queue[_head];
        _head = (_head + 1) & (_queue.Length - 1);
        _count--;
        record = (int)(uint)entry;
        generation = (int)(entry >> 32);
        return true;
    }
}
