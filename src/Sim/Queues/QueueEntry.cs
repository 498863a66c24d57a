using System.Runtime.CompilerServices;

namespace Engram.Sim.Queues;

/// <summary>
/// One pending dispatch: a tick, an ordering key that packs (priority, sequence), and the slot of the
/// scheduled object. No references, so queue arrays cost the GC nothing to scan or move.
/// </summary>
internal readonly struct QueueEntry
{
    /// <summary>Bits of the key that hold the sequence number; the priority sits above them.</summary>
    internal const int SequenceBits = 47;
    internal const long MaxSequence = (1L << SequenceBits) - 1;
    internal const int MinPriority = -32768;
    internal const int MaxPriority = 32767;

    public readonly long Tick;
    public readonly long Key;
    public readonly int Slot;

    public QueueEntry(long tick, long key, int slot)
    {
        Tick = tick;
        Key = key;
        Slot = slot;
    }

    public long Sequence => Key & MaxSequence;

    /// <summary>Packs priority (lower first) above the sequence so one compare orders both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long MakeKey(int priority, long sequence) =>
        ((long)(priority - MinPriority) << SequenceBits) | sequence;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Precedes(in QueueEntry a, in QueueEntry b) =>
        a.Tick < b.Tick || (a.Tick == b.Tick && a.Key < b.Key);
}
