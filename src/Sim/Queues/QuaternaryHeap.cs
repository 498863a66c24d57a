using System.Runtime.CompilerServices;

namespace Engram.Sim.Queues;

/// <summary>
/// A 4-ary min-heap of plain structs. Four children per node halve the depth of a binary heap and
/// keep siblings in one cache line; growth is an Array.Resize, never a re-insertion, so equal keys
/// keep their order at any size (the key already holds the sequence).
/// </summary>
internal sealed class QuaternaryHeap : IEventQueue
{
    private QueueEntry[] _items;
    private int _count;

    public QuaternaryHeap(int initialCapacity = 256)
    {
        _items = new QueueEntry[Math.Max(4, initialCapacity)];
    }

    public int Count => _count;

    public void Push(in QueueEntry entry)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        int hole = _count++;
        while (hole > 0)
        {
            int parent = (hole - 1) >> 2;
            if (!QueueEntry.Precedes(entry, items[parent]))
            {
                break;
            }

            items[hole] = items[parent];
            hole = parent;
        }

        items[hole] = entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly QueueEntry Peek() => ref _items[0];

    public QueueEntry Pop()
    {
        var items = _items;
        var top = items[0];
        int last = --_count;
        if (last > 0)
        {
            PlaceLast(items, items[last], last);
        }

        return top;
    }

    /// <summary>
    /// Floyd's bottom-up deletion: walk the hole from the root to a leaf along the smallest children
    /// (no compare against the moving entry on the way down), then sift the moving entry up. The
    /// moving entry was the last leaf, usually among the largest, so it rarely climbs.
    /// </summary>
    private static void PlaceLast(QueueEntry[] items, in QueueEntry moving, int count)
    {
        int hole = 0;
        while (true)
        {
            int first = (hole << 2) + 1;
            if (first >= count)
            {
                break;
            }

            int best = first;
            int end = first + 4;
            if (end > count)
            {
                end = count;
            }

            for (int c = first + 1; c < end; c++)
            {
                if (QueueEntry.Precedes(items[c], items[best]))
                {
                    best = c;
                }
            }

            items[hole] = items[best];
            hole = best;
        }

        while (hole > 0)
        {
            int parent = (hole - 1) >> 2;
            if (!QueueEntry.Precedes(moving, items[parent]))
            {
                break;
            }

            items[hole] = items[parent];
            hole = parent;
        }

        items[hole] = moving;
    }
}
