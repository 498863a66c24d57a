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

    private int[] _slots;
    private int _head;
    private int _count;
    private Run[] _runs;
    private int _runHead;
    private int _runCount;

    public RunQueue(int initialCapacity = 256)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, initialCapacity));
        _slots = new int[capacity];
        _runs = new Run[Math.Min(capacity, 64)];
    }

    /// <summary>Entries pending (live or stale), however they are grouped into runs.</summary>
    public int Count => _count;

    public long HeadSequence => _runs[_runHead].First;

    public int HeadSlot => _slots[_head];

    /// <summary>What the head entry's target must hold in its scheduled sequence for the entry to be live.</summary>
    public long HeadLiveKey
    {
        get
        {
            ref readonly var run = ref _runs[_runHead];
            return run.LiveKey == OwnSequence ? run.First : run.LiveKey;
        }
    }

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
        var slots = _slots;
        int head = _head;
        slot = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slots), head);
        _head = (head + 1) & (slots.Length - 1);
        _count--;
        int r = _runHead;
        ref var run = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_runs), r);
        sequence = run.First;
        if (--run.Count == 0)
        {
            _runHead = (r + 1) & (_runs.Length - 1);
            _runCount--;
            return true;
        }

        run.First = sequence + 1;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(long sequence, int slot)
    {
        if (_count == _slots.Length)
        {
            Grow(1);
        }

        _slots[(_head + _count) & (_slots.Length - 1)] = slot;
        _count++;
        if (_runCount > 0)
        {
            ref var last = ref _runs[(_runHead + _runCount - 1) & (_runs.Length - 1)];
            if (last.LiveKey == OwnSequence && last.First + last.Count == sequence)
            {
                last.Count++;
                return;
            }
        }

        AppendRun(sequence, 1, OwnSequence);
    }

    /// <summary>
    /// Appends <paramref name="slots"/> as entries with sequences <paramref name="first"/>, +1, …, each
    /// live while its target's scheduled sequence equals <paramref name="liveKey"/> (a negative token).
    /// </summary>
    public void EnqueueRun(long first, ReadOnlySpan<int> slots, long liveKey)
    {
        int n = slots.Length;
        if (_count + n > _slots.Length)
        {
            Grow(n);
        }

        int mask = _slots.Length - 1;
        int tail = (_head + _count) & mask;
        int straight = Math.Min(n, _slots.Length - tail);
        slots[..straight].CopyTo(_slots.AsSpan(tail));
        slots[straight..].CopyTo(_slots);
        _count += n;
        AppendRun(first, n, liveKey);
    }

    /// <summary>Takes the head entry: its sequence, its slot and the key its target must hold to be live.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dequeue(out long sequence, out int slot, out long liveKey)
    {
        var slots = _slots;
        int head = _head;
        slot = slots[head];
        _head = (head + 1) & (slots.Length - 1);
        _count--;
        var runs = _runs;
        int r = _runHead;
        ref var run = ref runs[r];
        sequence = run.First;
        long key = run.LiveKey;
        liveKey = key == OwnSequence ? sequence : key;
        if (--run.Count == 0)
        {
            _runHead = (r + 1) & (runs.Length - 1);
            _runCount--;
        }
        else
        {
            run.First = sequence + 1;
        }
    }

    private void AppendRun(long first, int count, long liveKey)
    {
        if (_runCount == _runs.Length)
        {
            GrowRuns();
        }

        ref var run = ref _runs[(_runHead + _runCount) & (_runs.Length - 1)];
        run.First = first;
        run.Count = count;
        run.LiveKey = liveKey;
        _runCount++;
    }

    private void Grow(int more)
    {
        // Unwrap into a larger array in FIFO order; entries are copied, never re-sorted.
        int capacity = _slots.Length * 2;
        while (capacity < _count + more)
        {
            capacity *= 2;
        }

        var slots = new int[capacity];
        for (int i = 0; i < _count; i++)
        {
            slots[i] = _slots[(_head + i) & (_slots.Length - 1)];
        }

        _slots = slots;
        _head = 0;
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

    /// <summary>Consecutive entries: sequences First, First+1, …; LiveKey as in <see cref="Dequeue"/>.</summary>
    private struct Run
    {
        public long First;
        public long LiveKey;
        public int Count;
    }
}
