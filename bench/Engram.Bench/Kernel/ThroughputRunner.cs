using System.Diagnostics;
using Engram.Sim.Core;

namespace Engram.Bench.Kernel;

/// <summary>
/// Runs a model once to learn its length, then <c>runs</c> times: each run first goes untimed through
/// the first 10 % of simulated time (process start-up, queue and pool growth), then the rest is timed
/// and its allocations on this thread counted. So the figures are steady-state ones.
/// </summary>
public static class ThroughputRunner
{
    private const int WarmupPercent = 10;

    public static ThroughputResult Measure(KernelModel model, int runs)
    {
        var probe = model.Build();
        probe.Run();
        long finalTick = probe.Now;
        long warmupTick = finalTick * WarmupPercent / 100;

        var mwps = new double[runs];
        double bytesPerWakeup = 0;
        long wakeups = 0;
        for (int r = 0; r < runs; r++)
        {
            var sim = model.Build();
            sim.Run(warmupTick);
            long before = model.Wakeups;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            sim.Run();
            long elapsed = Stopwatch.GetTimestamp() - start;
            long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            wakeups = model.Wakeups - before;
            double seconds = (double)elapsed / Stopwatch.Frequency;
            mwps[r] = wakeups / seconds / 1e6;
            bytesPerWakeup = Math.Max(bytesPerWakeup, (double)bytes / wakeups);
            finalTick = sim.Now;
        }

        Array.Sort(mwps);
        return new ThroughputResult(model.Model, model.Label, mwps[runs / 2], mwps[0], mwps[^1], bytesPerWakeup, wakeups, finalTick);
    }

    /// <summary>Every configuration of the models (a), (b) and (c) in docs/kernel.md.</summary>
    public static IReadOnlyList<KernelModel> AllModels(bool withHeap)
    {
        var models = DefaultModels();
        if (!withHeap)
        {
            return models;
        }

        var heap = DefaultModels();
        foreach (var m in heap)
        {
            m.Queue = EventQueueKind.Heap;
        }

        return [.. models, .. heap.Where(m => !m.Params.Contains("iclocked", StringComparison.Ordinal))];
    }

    private static IReadOnlyList<KernelModel> DefaultModels() =>
    [
        new TimeoutModel(10, 200_000),
        new TimeoutModel(1_000, 2_000),
        new TimeoutModel(100_000, 20),
        new TimeoutModel(1_000, 2_000, 64),
        new ClockModel(10, 200_000, clocked: false),
        new ClockModel(100, 50_000, clocked: false),
        new ClockModel(1_000, 5_000, clocked: false),
        new ClockModel(10, 200_000, clocked: true),
        new ClockModel(100, 50_000, clocked: true),
        new ClockModel(1_000, 5_000, clocked: true),
        new ResourceModel(100, 10, 5_000),
        new ResourceModel(10, 1, 50_000),
    ];
}
