using System.Runtime.CompilerServices;

namespace Engram.Sim.Queues;

/// <summary>
/// FIFO ring of same-tick, default-priority wakeups. Most wakeups in a clocked model are "now"
/// (signal fan-out, event callbacks), and a ring serves them in O(1) without touching the heap.
/// </summary>
internal sealed class RunQueue
{
    private long[] _sequences;
    private int[] _slots;
    private int _head;
    private int _count;

    public RunQueue(int initialCapacity = 256)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, initialCapacity));
        _sequences = new long[capacity];
        _slots = new int[capacity];
    }

    public int Count => _count;

    /// <summary>The ring arrays and the index one past the last entry, for an append loop that keeps them in registers.</summary>
    internal long[] SequenceRing => _sequences;

    internal int[] SlotRing => _slots;

    internal int Tail => _head + _count;

    /// <summary>Counts <paramref name="n"/> entries written at <see cref="Tail"/> onwards (after <see cref="Reserve"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CommitAppended(int n) => _count += n;

    public long HeadSequence => _sequences[_head];

    public int HeadSlot => _slots[_head];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(long sequence, int slot)
    {
        if (_count == _sequences.Length)
        {
            Grow();
        }

        int tail = (_head + _count) & (_sequences.Length - 1);
        _sequences[tail] = sequence;
        _slots[tail] = slot;
        _count++;
    }

    /// <summary>Makes room for <paramref name="n"/> more entries, so that <see cref="EnqueueReserved"/> needs no check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reserve(int n)
    {
        while (_count + n > _sequences.Length)
        {
            Grow();
        }
    }

    /// <summary>Appends an entry after <see cref="Reserve"/> made room for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnqueueReserved(long sequence, int slot)
    {
        int mask = _sequences.Length - 1;
        int tail = (_head + _count) & mask;
        _sequences[tail] = sequence;
        _slots[tail] = slot;
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Dequeue(out long sequence, out int slot)
    {
        sequence = _sequences[_head];
        slot = _slots[_head];
        _head = (_head + 1) & (_sequences.Length - 1);
        _count--;
    }

    private void Grow()
    {
        // Unwrap into a larger array in FIFO order; entries are copied, never re-sorted.
        int capacity = _sequences.Length * 2;
        var sequences = new long[capacity];
        var slots = new int[capacity];
        for (int i = 0; i < _count; i++)
        {
            int from = (_head + i) & (_sequences.Length - 1);
            sequences[i] = _sequences[from];
            slots[i] = _slots[from];
        }

        _sequences = sequences;
        _slots = slots;
        _head = 0;
    }
}
