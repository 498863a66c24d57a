namespace Engram.Sim.Core;

/// <summary>Which future-event set the kernel uses. Both dispatch identical sequences.</summary>
public enum EventQueueKind
{
    /// <summary>
    /// The default: a timing wheel whose buckets are drained as FIFOs while they stay sorted, with a
    /// heap for unsorted buckets and an overflow heap beyond its window. O(1) per event for the usual
    /// clocked model (many waits of equal delay).
    /// </summary>
    Wheel,

    /// <summary>A plain 4-ary heap: O(log n) per event whatever the pattern; the reference.</summary>
    Heap,
}

/// <summary>How to build a <see cref="Simulation"/>.</summary>
public sealed record SimulationOptions
{
    /// <summary>The master seed from which every named random stream is derived.</summary>
    public ulong Seed { get; init; }

    public EventQueueKind Queue { get; init; } = EventQueueKind.Wheel;

    /// <summary>
    /// Pending entries to size the queues for up front (a model with 100,000 processes says so), so
    /// that growing them does not show up as allocation during the run. They still grow past it.
    /// </summary>
    public int ExpectedPending { get; init; } = 256;

    /// <summary>Wheel bucket width is 2^this ticks (default 1 ps: one bucket per tick, so buckets stay sorted).</summary>
    public int WheelBucketShift { get; init; }

    /// <summary>The wheel has 2^this buckets (default 65,536: a 65 ns window before the overflow heap).</summary>
    public int WheelBucketsLog2 { get; init; } = 16;

    /// <summary>
    /// Resume a process's delay at once when nothing else is pending (no trip through the queue; the same sequence
    /// numbers, ticks, counters and dispatch hash as the trip). For models that often run one process alone, such
    /// as a chip's recall; off by default, since a model that never does pays the test on every delay (about 2 % of
    /// the kernel bench's timeout model).
    /// </summary>
    public bool ResumeLoneDelays { get; init; }
}
