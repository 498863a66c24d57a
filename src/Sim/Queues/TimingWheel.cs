using System.Numerics;

namespace Engram.Sim.Queues;

/// <summary>
/// A single-level timing wheel: 2^bucketsLog2 buckets of 2^bucketShift ticks, an occupancy bitmap to
/// skip empty buckets, and an overflow heap beyond the wheel's span.
/// <para>
/// Order inside a bucket is exact. Entries usually arrive at a bucket already in (tick, priority,
/// sequence) order (many waits of equal delay, rising sequence numbers), so each bucket records
/// whether its appends stayed sorted; a sorted bucket is drained as a FIFO in O(1) per entry, and only
/// an unsorted one is poured into a heap. Entries pushed into the bucket being drained join its FIFO
/// when they keep it sorted, and a side heap otherwise; a pop takes the smaller of the two heads.
/// </para>
/// </summary>
internal sealed class TimingWheel : IEventQueue
{
    private readonly int _shift;
    private readonly int _bucketMask;
    private readonly long _bucketWidth;
    private readonly long _span;
    // A bucket's entries, count and order flag side by side: placing an entry in a far bucket touches
    // one cold line of this array rather than one in each of three.
    private readonly Bucket[] _buckets;
    private readonly ulong[] _occupied;

    // One bit per word of _occupied that has any bit set: sparse wheels skip 4,096 buckets per probe.
    private readonly ulong[] _summary;
    private readonly QuaternaryHeap _side = new();
    private readonly QuaternaryHeap _overflow = new();
    private readonly Stack<QueueEntry[]> _spareArrays = new();
    private long _activeStart;
    private int _activeIndex;
    private int _read;
    private int _count;

    public TimingWheel(int bucketShift = 0, int bucketsLog2 = 16, int expectedPending = 0)
    {
        if (bucketShift is < 0 or > 40)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketShift), bucketShift, "bucket width must be 2^0 .. 2^40 ticks");
        }

        if (bucketsLog2 is < 6 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketsLog2), bucketsLog2, "bucket count must be 2^6 .. 2^20");
        }

        int buckets = 1 << bucketsLog2;
        _shift = bucketShift;
        _bucketMask = buckets - 1;
        _bucketWidth = 1L << bucketShift;
        _span = _bucketWidth * buckets;
        _buckets = new Bucket[buckets];
        _occupied = new ulong[buckets / 64];
        _summary = new ulong[Math.Max(1, _occupied.Length / 64)];

        // Usually two buckets fill at once (this tick's and the next); size them from the hint.
        if (expectedPending > 16)
        {
            _spareArrays.Push(new QueueEntry[expectedPending]);
            _spareArrays.Push(new QueueEntry[expectedPending]);
        }
    }

    public int Count => _count;

    private long ActiveEnd => _activeStart + _bucketWidth;

    private long WindowEnd => _activeStart + _span;

    public void Push(in QueueEntry entry)
    {
        _count++;
        Place(entry);
    }

    public ref readonly QueueEntry Peek()
    {
        EnsureActive();
        if (_read < _buckets[_activeIndex].Count)
        {
            ref readonly var head = ref _buckets[_activeIndex].Entries![_read];
            if (_side.Count == 0 || !QueueEntry.Precedes(_side.Peek(), head))
            {
                return ref head;
            }
        }

        return ref _side.Peek();
    }

    public QueueEntry Pop()
    {
        EnsureActive();
        _count--;
        int index = _activeIndex;
        if (_read < _buckets[index].Count)
        {
            var bucket = _buckets[index].Entries!;
            if (_side.Count == 0 || !QueueEntry.Precedes(_side.Peek(), bucket[_read]))
            {
                return bucket[_read++];
            }
        }

        return _side.Pop();
    }

    private void Place(in QueueEntry entry)
    {
        if (entry.Tick < ActiveEnd)
        {
            // The bucket being drained: extend its FIFO if that keeps it sorted.
            int n = _buckets[_activeIndex].Count;
            if (_read == n)
            {
                // Drained FIFO: start it over rather than grow it.
                _buckets[_activeIndex].Count = 0;
                _read = 0;
                Append(_activeIndex, entry);
            }
            else if (!QueueEntry.Precedes(entry, _buckets[_activeIndex].Entries![n - 1]))
            {
                Append(_activeIndex, entry);
            }
            else
            {
                _side.Push(entry);
            }
        }
        else if (entry.Tick < WindowEnd)
        {
            int index = (int)(entry.Tick >> _shift) & _bucketMask;
            int n = _buckets[index].Count;
            if (n > 0 && QueueEntry.Precedes(entry, _buckets[index].Entries![n - 1]))
            {
                _buckets[index].Unsorted = true;
            }

            Append(index, entry);
            int word = index >> 6;
            _occupied[word] |= 1UL << (index & 63);
            _summary[word >> 6] |= 1UL << (word & 63);
        }
        else
        {
            _overflow.Push(entry);
        }
    }

    private void Append(int index, in QueueEntry entry)
    {
        ref var slot = ref _buckets[index];
        var bucket = slot.Entries;
        int n = slot.Count;
        if (bucket is null)
        {
            // Few buckets are occupied at once: recycle drained buckets' arrays, grown to fit.
            bucket = slot.Entries = _spareArrays.Count > 0 ? _spareArrays.Pop() : new QueueEntry[16];
        }
        else if (n == bucket.Length)
        {
            Array.Resize(ref slot.Entries, n * 2);
            bucket = slot.Entries;
        }

        bucket[n] = entry;
        slot.Count = n + 1;
    }

    private void Recycle(int index)
    {
        ref var slot = ref _buckets[index];
        var bucket = slot.Entries;
        if (bucket is not null)
        {
            slot.Entries = null;
            _spareArrays.Push(bucket);
        }

        slot.Count = 0;
        slot.Unsorted = false;
    }

    private void EnsureActive()
    {
        while (_read >= _buckets[_activeIndex].Count && _side.Count == 0 && _count > 0)
        {
            Advance();
        }
    }

    private void Advance()
    {
        Recycle(_activeIndex);
        _read = 0;

        int distance = NextOccupiedDistance(_activeIndex);
        if (distance > 0)
        {
            _activeStart += distance * _bucketWidth;
        }
        else
        {
            // Every bucket is empty: jump straight to the overflow heap's first entry.
            _activeStart = _overflow.Peek().Tick & ~(_bucketWidth - 1);
        }

        int index = _activeIndex = (int)(_activeStart >> _shift) & _bucketMask;
        int word = index >> 6;
        if ((_occupied[word] &= ~(1UL << (index & 63))) == 0)
        {
            _summary[word >> 6] &= ~(1UL << (word & 63));
        }

        if (_buckets[index].Unsorted)
        {
            // Out-of-order appends: let the side heap order this bucket.
            var bucket = _buckets[index].Entries!;
            for (int i = 0; i < _buckets[index].Count; i++)
            {
                _side.Push(bucket[i]);
            }

            Recycle(index);
        }

        // The window moved forward: pull in overflow entries that now fall inside it.
        long windowEnd = WindowEnd;
        while (_overflow.Count > 0 && _overflow.Peek().Tick < windowEnd)
        {
            Place(_overflow.Pop());
        }
    }

    /// <summary>Buckets from <paramref name="current"/> (exclusive) to the next occupied one, 0 if none.</summary>
    private int NextOccupiedDistance(int current)
    {
        int buckets = _bucketMask + 1;
        int start = (current + 1) & _bucketMask;
        int word = start >> 6;
        ulong bits = _occupied[word] & (ulong.MaxValue << (start & 63));
        if (bits == 0)
        {
            int next = NextNonEmptyWord(word);
            if (next < 0)
            {
                return 0;
            }

            word = next;
            bits = _occupied[word];
        }

        int index = (word << 6) + BitOperations.TrailingZeroCount(bits);
        int distance = (index - current + buckets) & _bucketMask;
        return distance == 0 ? buckets : distance;
    }

    /// <summary>The next word after <paramref name="word"/>, circularly, with any bucket occupied; -1 if none.</summary>
    private int NextNonEmptyWord(int word)
    {
        int words = _occupied.Length;
        int from = word + 1 == words ? 0 : word + 1;
        int group = from >> 6;
        ulong bits = _summary[group] & (ulong.MaxValue << (from & 63));
        for (int scanned = 0; scanned <= _summary.Length; scanned++)
        {
            if (bits != 0)
            {
                return (group << 6) + BitOperations.TrailingZeroCount(bits);
            }

            group = group + 1 == _summary.Length ? 0 : group + 1;
            bits = _summary[group];
        }

        return -1;
    }

    /// <summary>One bucket: its entries (null while empty, the array then recycled), how many, and whether they arrived out of order.</summary>
    private struct Bucket
    {
        public QueueEntry[]? Entries;
        public int Count;
        public bool Unsorted;
    }
}
