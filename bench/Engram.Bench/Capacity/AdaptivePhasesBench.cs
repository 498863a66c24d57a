using System.Diagnostics;
using System.Globalization;
using Engram.Models.Learning;
using Engram.Models.Networks;
using Engram.Models.Patterns;

namespace Engram.Bench.Capacity;

/// <summary>
/// <c>adaptive-phases [--epochs E] [--double] [--first P0] [--step S]</c>: where the one-thread adaptive sweep (N = 64, stuck rate 0.5,
/// grid 1:130:3, or P0:130:S) spends its time — training every grid point for E epochs (default 1000, a tenth of the
/// protocol's budget, so the printed estimate scales it by 10000 / E) against nothing else. Wall and process
/// CPU seconds, since the machine is shared and CPU time is the steadier of the two.
/// </summary>
public static class AdaptivePhasesBench
{
    public static int Run(string[] args)
    {
        if (BenchArgs.PositiveCount(args, "--epochs", 1000) is not int epochs)
        {
            return 2;
        }

        bool single = !args.Contains("--double");
        if (BenchArgs.PositiveCount(args, "--step", 3) is not int step || BenchArgs.PositiveCount(args, "--first", 1) is not int first)
        {
            return 2;
        }

        const int n = 64;
        var learner = new AdaptiveLearner(AdaptiveOptions.Default with { MaxEpochs = epochs, EarlyStopLoss = 0, SinglePrecision = single });
        var pool = RandomPatterns.Binary(130, n, new Random(1));
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long flops = 0;
        for (int p = first; p <= 130; p += step)
        {
            var context = new LearningContext(new FaultDraws(new Random(2)), 0.5, false, new Random(p));
            learner.Train(pool[..p], context);
            flops += 4L * p * n * n * epochs;
        }

        clock.Stop();
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double scale = 10000.0 / epochs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"adaptive training, grid {first}:130:{step}, {epochs} epochs, {(single ? "float32" : "float64")} products: {clock.Elapsed.TotalSeconds:F2} s wall, {cpu:F2} s CPU; x{scale:G3} for the protocol: {clock.Elapsed.TotalSeconds * scale:F1} s wall, {cpu * scale:F1} s CPU; {flops / cpu / 1e9:F1} GFLOP/s of 4PN^2 per epoch"));
        return 0;
    }
}
