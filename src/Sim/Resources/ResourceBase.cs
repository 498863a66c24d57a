using Engram.Sim.Core;

namespace Engram.Sim.Resources;

/// <summary>
/// Shared bookkeeping of <see cref="Resource"/> and <see cref="PriorityResource"/>: request records in
/// parallel arrays (recycled through a free list), grants on release in queue order, and wait-time
/// statistics. Subclasses only decide the order of the waiting queue.
/// </summary>
public abstract class ResourceBase
{
    private const byte Free = 0;
    private const byte Waiting = 1;
    private const byte Granted = 2;

    private int[] _generation = new int[16];
    private byte[] _state = new byte[16];
    private Process?[] _waiter = new Process?[16];
    private Event?[] _grantEvent = new Event?[16];
    private long[] _requestTick = new long[16];
    private int[] _freeRecords = new int[16];
    private int _freeCount;
    private int _recordCount;
    private long _nextRequestSequence;

    private protected ResourceBase(Simulation simulation, int capacity, string? name)
    {
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a resource needs a capacity of at least 1");
        }

        Capacity = capacity;
        Name = name ?? GetType().Name;
    }

    public Simulation Simulation { get; }

    public string Name { get; }

    public int Capacity { get; }

    /// <summary>Units granted and not yet released.</summary>
    public int InUse { get; private set; }

    /// <summary>Requests waiting for a unit.</summary>
    public int QueueLength { get; private set; }

    /// <summary>Grants so far.</summary>
    public long Grants { get; private set; }

    /// <summary>Sum over grants of the ticks between request and grant.</summary>
    public long TotalWaitTicks { get; private set; }

    public override string ToString() => $"{GetType().Name} '{Name}' ({InUse}/{Capacity}, {QueueLength} waiting)";

    private protected ResourceRequest NewRequest(int priority)
    {
        int record = AllocateRecord();
        long token = Token(record, _generation[record]);
        _requestTick[record] = Simulation.Now;
        if (InUse < Capacity)
        {
            Grant(record);
        }
        else
        {
            _state[record] = Waiting;
            QueueLength++;
            Enqueue(record, _generation[record], priority, _nextRequestSequence++);
        }

        return new ResourceRequest(this, token);
    }

    /// <summary>Adds a waiting record; <see cref="TryDequeue"/> must return records in grant order.</summary>
    private protected abstract void Enqueue(int record, int generation, int priority, long sequence);

    /// <summary>Removes the next queued (record, generation), stale ones included; false if empty.</summary>
    private protected abstract bool TryDequeue(out int record, out int generation);

    internal bool IsGranted(long token) => TryDecode(token, out int record) && _state[record] == Granted;

    /// <summary>True if granted already (the process continues at once); otherwise it is recorded as waiting.</summary>
    internal bool AwaitGrant(long token, Process process)
    {
        int record = Decode(token);
        if (_state[record] == Granted)
        {
            return true;
        }

        if (_waiter[record] is not null)
        {
            throw new InvalidOperationException($"a request on {this} is already awaited by another process");
        }

        _waiter[record] = process;
        return false;
    }

    /// <summary>An interrupted process stops waiting; the request stays queued until disposed.</summary>
    internal void Abandon(long token)
    {
        if (TryDecode(token, out int record))
        {
            _waiter[record] = null;
        }
    }

    internal Event GrantEvent(long token)
    {
        int record = Decode(token);
        var e = new Event(Simulation);
        if (_state[record] == Granted)
        {
            e.Succeed();
        }
        else
        {
            _grantEvent[record] = e;
        }

        return e;
    }

    internal void Release(long token)
    {
        if (!TryDecode(token, out int record))
        {
            return;
        }

        if (_state[record] == Granted)
        {
            InUse--;
        }
        else
        {
            QueueLength--;
        }

        FreeRecord(record);
        while (InUse < Capacity && QueueLength > 0 && TryDequeue(out int next, out int generation))
        {
            if (_generation[next] == generation && _state[next] == Waiting)
            {
                QueueLength--;
                Grant(next);
            }
        }
    }

    private void Grant(int record)
    {
        InUse++;
        Grants++;
        TotalWaitTicks += Simulation.Now - _requestTick[record];
        _state[record] = Granted;
        var waiter = _waiter[record];
        if (waiter is not null)
        {
            _waiter[record] = null;
            waiter.ResumeFromResource();
        }

        var e = _grantEvent[record];
        if (e is not null)
        {
            _grantEvent[record] = null;
            e.Succeed();
        }
    }

    private static long Token(int record, int generation) => ((long)generation << 32) | (uint)record;

    private bool TryDecode(long token, out int record)
    {
        record = (int)(uint)token;
        return record < _recordCount && _generation[record] == (int)(token >> 32) && _state[record] != Free;
    }

    private int Decode(long token)
    {
        if (!TryDecode(token, out int record))
        {
            throw new InvalidOperationException($"the request on {this} was already released");
        }

        return record;
    }

    private int AllocateRecord()
    {
        if (_freeCount > 0)
        {
            return _freeRecords[--_freeCount];
        }

        if (_recordCount == _state.Length)
        {
            int n = _recordCount * 2;
            Array.Resize(ref _generation, n);
            Array.Resize(ref _state, n);
            Array.Resize(ref _waiter, n);
            Array.Resize(ref _grantEvent, n);
            Array.Resize(ref _requestTick, n);
        }

        return _recordCount++;
    }

    private void FreeRecord(int record)
    {
        _state[record] = Free;
        _waiter[record] = null;
        _grantEvent[record] = null;
        _generation[record]++;
        if (_freeCount == _freeRecords.Length)
        {
            Array.Resize(ref _freeRecords, _freeCount * 2);
        }

        _freeRecords[_freeCount++] = record;
    }
}
