using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engram.Sim.Queues;

/// <summary>
/// FIFO of same-tick, default-priority wakeups. Most wakeups in a clocked model are "now" (signal
/// fan-out, event callbacks), and a ring serves them in O(1) without touching the heap.
/// </summary>
/// <remarks>
/// Entries are kept as a ring of slots plus a ring of runs: a run is a stretch of entries with
/// consecutive sequence numbers, so its entries carry no sequence of their own. Single enqueues with
/// consecutive sequences extend the last run; a fired signal appends all its process waiters as one
/// run (<see cref="EnqueueRun"/>), a copy of their slots and one run record. A run also says how an
/// entry is told live: an ordinary entry by its target's scheduled sequence equal to the entry's, a
/// signal's entry by its target still holding the signal's waiter token (set when it started waiting),
/// so a fire writes nothing into the processes it wakes.
/// </remarks>
internal sealed class RunQueue
{
    /// <summary>The live key of an ordinary run: the entry's own sequence.</summary>
    internal const long OwnSequence = long.MinValue;

    // Entries are addressed by position: _head and _tail only grow (wrapping harmlessly, as only their
    // differences and their low bits are used), an entry at position p sits in _slots[p & _mask], and a
    // run records the position of its first entry. So taking an entry moves _head and writes nothing
    // else, and growing the ring moves no run.
    private int[] _slots;
    private int _mask;
    private int _head;
    private int _tail;
    private Run[] _runs;
    private int _runHead;
    private int _runCount;

    public RunQueue(int initialCapacity = 256)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, initialCapacity));
        _slots = new int[capacity];
        _mask = capacity - 1;
        _runs = new Run[Math.Min(capacity, 64)];
    }

    /// <summary>Entries pending (live or stale), however they are grouped into runs.</summary>
    public int Count => _tail - _head;

    public long HeadSequence
    {
        get
        {
            ref readonly var run = ref _runs[_runHead];
            return run.First + (_head - run.Start);
        }
    }

    public int HeadSlot => _slots[_head & _mask];

    /// <summary>What the head entry's target must hold in its scheduled sequence for the entry to be live.</summary>
    public long HeadLiveKey => _runs[_runHead].LiveKey == OwnSequence ? HeadSequence : _runs[_runHead].LiveKey;

    /// <summary>The head run's live key when it is a fired signal's (a token), or <see cref="OwnSequence"/>; needs Count &gt; 0.</summary>
    public long HeadRunToken
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _runs[_runHead].LiveKey;
    }

    /// <summary>
    /// Takes the head entry, known to belong to a signal's run (so it is live under the run's token):
    /// its sequence and slot; true when it was the run's last entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool DequeueFromSignalRun(out long sequence, out int slot)
    {
        int head = _head;
        slot = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), head & _mask);
        _head = head + 1;
        int r = _runHead;
        ref readonly var run = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_runs), r);
        int offset = head - run.Start;
        sequence = run.First + offset;
        if (offset + 1 == run.Count)
        {
            _runHead = (r + 1) & (_runs.Length - 1);
            _runCount--;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(long sequence, int slot)
    {
        if (_tail - _head == _slots.Length)
        {
            Grow(1);
        }

        int tail = _tail;
        _slots[tail & _mask] = slot;
        _tail = tail + 1;
        if (_runCount > 0)
        {
            ref var last = ref _runs[(_runHead + _runCount - 1) & (_runs.Length - 1)];
            if (last.LiveKey == OwnSequence && last.First + last.Count == sequence)
            {
                last.Count++;
                return;
            }
        }

        AppendRun(sequence, 1, OwnSequence, tail);
    }

    /// <summary>
    /// Appends <paramref name="slots"/> as entries with sequences <paramref name="first"/>, +1, …, each
    /// live while its target's scheduled sequence equals <paramref name="liveKey"/> (a negative token).
    /// </summary>
    public void EnqueueRun(long first, ReadOnlySpan<int> slots, long liveKey)
    {
        int n = slots.Length;
        if (_tail - _head + n > _slots.Length)
        {
            Grow(n);
        }

        int start = _tail;
        int at = start & _mask;
        int straight = Math.Min(n, _slots.Length - at);
        slots[..straight].CopyTo(_slots.AsSpan(at));
        slots[straight..].CopyTo(_slots);
        _tail = start + n;
        AppendRun(first, n, liveKey, start);
    }

    /// <summary>Takes the head entry: its sequence, its slot and the key its target must hold to be live.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dequeue(out long sequence, out int slot, out long liveKey)
    {
        int head = _head;
        slot = _slots[head & _mask];
        _head = head + 1;
        var runs = _runs;
        int r = _runHead;
        ref readonly var run = ref runs[r];
        int offset = head - run.Start;
        sequence = run.First + offset;
        long key = run.LiveKey;
        liveKey = key == OwnSequence ? sequence : key;
        if (offset + 1 == run.Count)
        {
            _runHead = (r + 1) & (runs.Length - 1);
            _runCount--;
        }
    }

    private void AppendRun(long first, int count, long liveKey, int start)
    {
        if (_runCount == _runs.Length)
        {
            GrowRuns();
        }

        ref var run = ref _runs[(_runHead + _runCount) & (_runs.Length - 1)];
        run.First = first;
        run.Count = count;
        run.LiveKey = liveKey;
        run.Start = start;
        _runCount++;
    }

    private void Grow(int more)
    {
        // Every pending entry keeps its position, so the runs stay as they are.
        int count = _tail - _head;
        int capacity = _slots.Length * 2;
        while (capacity < count + more)
        {
            capacity *= 2;
        }

        var slots = new int[capacity];
        int mask = capacity - 1;
        for (int p = _head; p != _tail; p++)
        {
            slots[p & mask] = _slots[p & _mask];
        }

        _slots = slots;
        _mask = mask;
    }

    private void GrowRuns()
    {
        var runs = new Run[_runs.Length * 2];
        for (int i = 0; i < _runCount; i++)
        {
            runs[i] = _runs[(_runHead + i) & (_runs.Length - 1)];
        }

        _runs = runs;
        _runHead = 0;
    }

    /// <summary>
    /// Consecutive entries from position Start: sequences First, First+1, …; LiveKey as in
    /// <see cref="Dequeue"/>. Count is the run's full length; entries already taken are those before _head.
    /// </summary>
    private struct Run
    {
        public long First;
        public long LiveKey;
        public int Start;
        public int Count;
    }
}
