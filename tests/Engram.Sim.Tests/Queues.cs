using Engram.Sim.Core;

namespace Engram.Sim.Tests;

/// <summary>Simulation options for every queue implementation, including a tiny wheel that overflows and wraps.</summary>
public static class Queues
{
    public static TheoryData<string> Kinds => ["wheel", "heap", "tiny-wheel", "coarse-wheel"];

    public static Simulation Create(string kind, ulong seed = 1) => new(Options(kind, seed));

    public static SimulationOptions Options(string kind, ulong seed = 1) => kind switch
    {
        "wheel" => new SimulationOptions { Seed = seed, Queue = EventQueueKind.Wheel },
        "heap" => new SimulationOptions { Seed = seed, Queue = EventQueueKind.Heap },

        // 64 one-tick buckets: most delays overflow and the wheel wraps constantly.
        "tiny-wheel" => new SimulationOptions { Seed = seed, Queue = EventQueueKind.Wheel, WheelBucketsLog2 = 6 },

        // 8-tick buckets: entries of different ticks share a bucket, so buckets go unsorted.
        "coarse-wheel" => new SimulationOptions { Seed = seed, Queue = EventQueueKind.Wheel, WheelBucketShift = 3, WheelBucketsLog2 = 6 },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown queue kind"),
    };
}
