using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// Like <see cref="Resource"/>, but waiting requests are granted by priority (lower first), FIFO among
/// equal priorities. A granted unit is never taken back (no preemption).
/// </summary>
public sealed class PriorityResource(Simulation simulation, int capacity, string? name = null)
    : ResourceBase(simulation, capacity, name)
{
    private (long Key, long Token)[] _heap = new (long, long)[16];
    private int _count;

    public ResourceRequest Request(int priority = Priority.Normal) => NewRequest(priority);

    private protected override void Enqueue(int record, int generation, int priority, long sequence)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _count * 2);
        }

        var item = (Queues.QueueEntry.MakeKey(priority, sequence), ((long)generation << 32) | (uint)record);
        int hole = _count++;
        while (hole > 0)
        {
            int parent = (hole - 1) >> 1;
            if (_heap[parent].Key <= item.Item1)
            {
                break;
            }

            _heap[hole] = _heap[parent];
            hole = parent;
        }

        _heap[hole] = item;
    }

    private protected override bool TryDequeue(out int record, out int generation)
    {
        if (_count == 0)
        {
            record = generation = 0;
            return false;
        }

        long token = _heap[0].Token;
        var last = _heap[--_count];
        int hole = 0;
        while (true)
        {
            int child = (hole << 1) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _heap[child + 1].Key < _heap[child].Key)
            {
                child++;
            }

            if (_heap[child].Key >= last.Key)
            {
                break;
            }

            _heap[hole] = _heap[child];
            hole = child;
        }

        if (_count > 0)
        {
            _heap[hole] = last;
        }

        record = (int)(uint)token;
        generation = (int)(token >> 32);
        return true;
    }
}
