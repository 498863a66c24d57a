using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engram.Sim.Core;

namespace Engram.Sim.Queues;

/// <summary>
/// Maps the integer slots held by queue entries to the objects they wake. Slots are recycled through
/// a LIFO free list; the reuse order is a pure function of the dispatch order, so it is deterministic.
/// </summary>
internal sealed class SlotTable
{
    private Schedulable?[] _items;
    private int[] _free;
    private int _freeCount;
    private int _used;

    public SlotTable(int initialCapacity = 256)
    {
        _items = new Schedulable?[Math.Max(16, initialCapacity)];
        _free = new int[Math.Max(16, initialCapacity)];
    }

    public int Live => _used - _freeCount;

    /// <summary>The slot array itself, for loops that look up many slots (valid until the next Acquire).</summary>
    internal Schedulable?[] Items => _items;

    public int Acquire(Schedulable owner)
    {
        int slot;
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
        }
        else
        {
            if (_used == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            slot = _used++;
        }

        _items[slot] = owner;
        return slot;
    }

    public void Release(int slot)
    {
        _items[slot] = null;
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Schedulable? Get(int slot) => _items[slot];

    /// <summary>The object at a slot handed out by <see cref="Acquire"/> (the table never shrinks), without a bounds check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Schedulable? GetUnchecked(int slot) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), slot);
}
