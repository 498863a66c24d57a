using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime;
using System.Text;
using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Models.Learning;
using Engram.Models.Patterns;

namespace Engram.Bench.Recall;

/// <summary>
/// <c>recall [--n 64,1024,4096] [--runs R] [--json]</c>: how far a simulated recall is from the arithmetic it must
/// do. Per N (hnn64.yaml at 64, tiled-N.yaml above), on a chip holding 4 Hebb patterns: one synchronous iteration
/// and one asynchronous sweep (both perform one N×N matrix-vector product's worth of multiply-adds, a sweep as N
/// row dot products), against a bare <see cref="TensorPrimitives"/> GEMV over the same weights; plus the chip's
/// build time and the managed bytes its device state takes per device.
/// </summary>
public static class RecallBench
{
    public static int Run(string[] args)
    {
        bool json = args.Contains("--json");
        if (BenchArgs.PositiveCount(args, "--runs", 5) is not int runs)
        {
            return 2;
        }

        var sizes = (BenchArgs.Value(args, "--n") ?? "64,1024,4096").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var rows = new List<RecallBenchRow>();
        foreach (int n in sizes)
        {
            rows.AddRange(Measure(n, runs));
            if (!json)
            {
                Console.Error.WriteLine($"  measured N = {n}");
            }
        }

        Console.WriteLine(json ? Json(rows) : Table(rows, runs));
        return 0;
    }

    private static IEnumerable<RecallBenchRow> Measure(int n, int runs)
    {
        var spec = ChipLoader.Load(Path.Combine(RepoRoot(), "arch", "chips", n == 64 ? "hnn64.yaml" : $"tiled-{n}.yaml"));
        var fit = ChipFit.Of(spec);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var chip = new Chip(spec, 1);
        double buildS = clock.Elapsed.TotalSeconds;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        double bytesPerDevice = (after - before) / (double)fit.Cells;

        var patterns = RandomPatterns.Binary(4, n, new Random(1));
        var weights = new HebbRule().Learn(patterns);
        chip.Program(0, weights);
        var cue = CueCorruption.FlipBits(patterns[0], 0.05, new Random(2));
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i % 2 == 0 ? 1 : -1;
        }

        long Gemv()
        {
            GemvOnce(weights, x, y, n);
            return 1;
        }

        long Sync() => Math.Max(chip.Recall(cue, Schedule.Sync, UpdateOrder.Random, 1).Iterations, 1);
        long Async() => Math.Max(chip.Recall(cue, Schedule.Async, UpdateOrder.Random, 1).Iterations, 1);

        WarmUp(Gemv);
        WarmUp(Sync);
        WarmUp(Async);

        // The GEMV's samples alternate with the recalls', so a drift of the machine's speed moves both sides of a ratio.
        int asyncRuns = Math.Max(1, runs / (n >= 4096 ? 5 : 1));
        var gemvS = new double[runs];
        var syncS = new double[runs];
        var asyncS = new double[asyncRuns];
        for (int r = 0; r < runs; r++)
        {
            gemvS[r] = Sample(Gemv);
            syncS[r] = Sample(Sync);
            if (r < asyncRuns)
            {
                asyncS[r] = Sample(Async);
            }
        }

        GC.KeepAlive(chip);
        GC.KeepAlive(y);
        double gemv = Median(gemvS);
        yield return new RecallBenchRow(n, "sync", Median(syncS), gemv, bytesPerDevice, buildS);
        yield return new RecallBenchRow(n, "async", Median(asyncS), gemv, bytesPerDevice, buildS);
    }

    /// <summary>
    /// Seconds per unit of <paramref name="once"/> (it returns the units it did: GEMVs, iterations or sweeps), repeated
    /// for at least <see cref="SampleS"/> so that a short call is not one timer reading.
    /// </summary>
    private static double Sample(Func<long> once)
    {
        var clock = Stopwatch.StartNew();
        long units = 0;
        do
        {
            units += once();
        }
        while (clock.Elapsed.TotalSeconds < SampleS);

        return clock.Elapsed.TotalSeconds / units;
    }

    private static double Median(double[] samples)
    {
        Array.Sort(samples);
        return samples[samples.Length / 2];
    }

    /// <summary>
    /// Runs <paramref name="once"/> until the JIT has settled: for at least <see cref="WarmUpS"/>, then until no method
    /// has been compiled for <see cref="SettleS"/>, for at most <see cref="MaxWarmUpS"/>. Tiered compilation swaps in a
    /// hot method's optimised code from a background thread; on a busy two-core machine the last of a recall's methods
    /// were compiled 1.2-1.5 s in, so a fixed second measured N = 64 partly unoptimised (7-14× where the settled code
    /// gives 4-7×).
    /// </summary>
    private static void WarmUp(Func<long> once)
    {
        var clock = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        double quietSinceS = 0;
        while (true)
        {
            once();
            double nowS = clock.Elapsed.TotalSeconds;
            long count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                compiled = count;
                quietSinceS = nowS;
            }

            if (nowS >= MaxWarmUpS || (nowS >= WarmUpS && nowS - quietSinceS >= SettleS))
            {
                return;
            }
        }
    }

    private const double WarmUpS = 1.0;

    private const double SettleS = 0.5;

    private const double MaxWarmUpS = 10.0;

    // The shortest sample of either timing.
    private const double SampleS = 0.02;

    private static void GemvOnce(double[] weights, double[] x, double[] y, int n)
    {
        for (int o = 0; o < n; o++)
        {
            y[o] = TensorPrimitives.Dot(weights.AsSpan(o * n, n), x);
        }
    }

    private static string Table(IReadOnlyList<RecallBenchRow> rows, int runs)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Simulated recall against a bare GEMV of the same weights (median of {runs} runs; one sync iteration, one async sweep)");
        sb.AppendLine(c, $"{"N",6}{"schedule",10}{"simulated s",14}{"gemv s",12}{"ratio",10}{"B/device",10}{"build s",10}");
        foreach (var r in rows)
        {
            sb.AppendLine(c, $"{r.N,6}{r.Schedule,10}{r.SimulatedS,14:G4}{r.GemvS,12:G4}{r.Ratio,10:F1}{r.BytesPerDevice,10:F1}{r.BuildS,10:F2}");
        }

        return sb.ToString();
    }

    private static string Json(IReadOnlyList<RecallBenchRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        return "[" + string.Join(",", rows.Select(r => string.Create(c,
            $"{{\"n\":{r.N},\"schedule\":\"{r.Schedule}\",\"simulated_s\":{r.SimulatedS:R},\"gemv_s\":{r.GemvS:R},\"ratio\":{r.Ratio:R},\"bytes_per_device\":{r.BytesPerDevice:R},\"build_s\":{r.BuildS:R}}}"))) + "]";
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engram.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("run the bench from inside the Engram repository (no Engram.slnx above it)");
    }
}

/// <summary>One row of <c>bench recall</c>.</summary>
public sealed record RecallBenchRow(int N, string Schedule, double SimulatedS, double GemvS, double BytesPerDevice, double BuildS)
{
    public double Ratio => SimulatedS / GemvS;
}
