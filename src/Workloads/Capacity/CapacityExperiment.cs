using Engram.Models.Metrics;
using Engram.Models.Networks;
using Engram.Models.Patterns;
using Engram.Sim.Random;

namespace Engram.Workloads.Capacity;

/// <summary>
/// The capacity curve of one fault rate, with capacities at τ = 0.99 and 0.95 under both criteria (mean similarity, exact-recall
/// rate; docs/associative-memory.md). <paramref name="Draws"/> holds the curve of every subset draw when
/// <see cref="SubsetReplicates"/> pooled several into <paramref name="Curve"/>; null for a single draw.
/// </summary>
public sealed record CapacityRun(double FaultRate, CapacityCurve Curve, IReadOnlyList<CapacityCurve>? Draws = null)
{
    public int Capacity099 => Curve.Capacity(0.99);

    public int Capacity095 => Curve.Capacity(0.95);

    /// <summary>Largest P whose exact-recall rate (fraction of all recalls returned exactly) is ≥ 0.99 there and at every smaller P.</summary>
    public int ExactCapacity099 => Curve.ExactCapacity(0.99);

    public int ExactCapacity095 => Curve.ExactCapacity(0.95);

    /// <summary>The curve of each subset draw (just <see cref="Curve"/> for a single draw).</summary>
    public IReadOnlyList<CapacityCurve> SubsetCurves => Draws ?? [Curve];
}

public sealed record CapacityReport(string Rule, CapacitySettings Settings, IReadOnlyList<CapacityRun> Runs);

/// <summary>
/// The capacity protocol of He et al. (docs/associative-memory.md) for any <see cref="IMemoryLearner"/>. Every random choice comes from a
/// named stream of the master seed, so results do not depend on the thread count:
/// <list type="bullet">
/// <item>"capacity/pool": the random pattern pool;</item>
/// <item>("capacity/subset", P): the P distinct patterns stored at grid point P (the same for every fault rate);</item>
/// <item>("capacity/faults", 0): the fault draws, re-created for every learn so that every P and rate sees the
/// same uniform draws (maps nested across rates, identical across P);</item>
/// <item>("capacity/learn", P): the learner's own stream;</item>
/// <item>("capacity/trial/pP", t): cue corruption and variation of trial t at grid point P (the same cues for
/// every fault rate).</item>
/// </list>
/// <see cref="CapacitySettings.SubsetDraw"/> s ≥ 1 suffixes the subset, learn and trial names with "/s{s}" (<see cref="CapacityStreams"/>).
/// Learning runs in parallel over grid points, and so does recall, all trials of a grid point in one batch; each
/// work item writes its own preallocated slots, and means are summed in grid and trial order.
/// </summary>
public static class CapacityExperiment
{
    /// <param name="progress">Called once per finished (fault rate, P) grid point with the count done so far and what it was;
    /// calls are serialised and the count rises by one each time. Results do not depend on it.</param>
    public static CapacityReport Run(IMemoryLearner learner, CapacitySettings settings, Action<int, string>? progress = null)
    {
        settings.Validate();
        var streams = new RandomStreams(settings.Seed);
        var pool = PatternPool.Load(settings, streams);
        if (pool.Length == 0 || pool[0].Length != settings.Neurons)
        {
            throw new ArgumentException($"pattern pool does not hold N = {settings.Neurons} patterns");
        }

        var grid = settings.Grid.ToArray();
        var subsets = CapacityStreams.Subsets(pool, grid, streams, settings.SubsetDraw);

        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        var runs = new List<CapacityRun>();
        int finished = 0;
        var gate = new Lock();
        foreach (double rate in settings.FaultRates)
        {
            var memories = new IAssociativeMemory[grid.Length];
            ForEach(grid.Length, options, g =>
            {
                var faults = new FaultDraws(streams.Stream("capacity/faults", 0).AsSystemRandom());
                var context = new LearningContext(faults, rate, settings.Continuous, CapacityStreams.Learn(streams, settings.SubsetDraw, grid[g]).AsSystemRandom());
                memories[g] = learner.Learn(subsets[g], context);
            });

            int trials = settings.Trials;
            var similarity = new double[grid.Length * trials];
            var exact = new double[grid.Length * trials];
            // A grid point's trials are one recall batch (BatchedTrials: the same cues and scores as Trial, cue by cue).
            using var batches = new ThreadLocal<BatchedTrials>(() => new BatchedTrials());
            ForEach(grid.Length, options, g =>
            {
                var scores = batches.Value!.Run(memories[g], subsets[g], settings, t => CapacityStreams.Trial(streams, settings.SubsetDraw, grid[g], t).AsSystemRandom());
                for (int t = 0; t < trials; t++)
                {
                    (similarity[(g * trials) + t], exact[(g * trials) + t]) = scores[t];
                }

                if (progress is not null)
                {
                    lock (gate)
                    {
                        progress(++finished, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fault rate {rate:G3}, P = {grid[g]}"));
                    }
                }
            });

            var points = new CapacityPoint[grid.Length];
            for (int g = 0; g < grid.Length; g++)
            {
                var (simMean, simStd) = MeanStd(similarity.AsSpan(g * trials, trials));
                var (exactMean, exactStd) = MeanStd(exact.AsSpan(g * trials, trials));
                points[g] = new CapacityPoint(grid[g], simMean, exactMean, simStd, exactStd);
            }

            runs.Add(new CapacityRun(rate, new CapacityCurve(points)));
        }

        return new CapacityReport(learner.Name, settings, runs);
    }

    /// <summary>One trial: every stored pattern recalled from its own corrupted cue; mean similarity and exact rate.</summary>
    public static (double Similarity, double Exact) Trial(IAssociativeMemory memory, double[][] patterns, CapacitySettings settings, Random rng)
    {
        if (settings.Variation > 0)
        {
            memory = memory.WithVariation(settings.Variation, rng);
        }

        var recall = new SynchronousRecall(memory.Neurons);
        return Trial(patterns, settings, rng, cue => recall.Run(memory, cue, settings.MaxIterations));
    }

    /// <summary>
    /// The trial's cues (from <paramref name="rng"/>, one per stored pattern, in order), each recalled by
    /// <paramref name="recall"/>: in software, or on a chip (<see cref="ChipCapacityExperiment"/>).
    /// </summary>
    internal static (double Similarity, double Exact) Trial(double[][] patterns, CapacitySettings settings, Random rng, Func<double[], ReadOnlySpan<double>> recall)
    {
        double sim = 0;
        int exact = 0;
        var cue = new double[patterns[0].Length];
        foreach (var pattern in patterns)
        {
            if (settings.Continuous)
            {
                CueCorruption.Gaussian(pattern, settings.CueSigma, rng, cue);
            }
            else
            {
                CueCorruption.FlipBits(pattern, settings.CueFlip, rng, cue);
            }

            var recalled = recall(cue);
            sim += RecallMetrics.Cosine(recalled, pattern);
            exact += RecallMetrics.ExactRecall(recalled, pattern) ? 1 : 0;
        }

        return (sim / patterns.Length, (double)exact / patterns.Length);
    }

    // Parallel.For, with a work item's exception rethrown as itself rather than wrapped in an AggregateException.
    private static void ForEach(int count, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Mean and sample standard deviation (0 for a single value).</summary>
    internal static (double Mean, double Std) MeanStd(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        double mean = sum / values.Length;
        if (values.Length < 2)
        {
            return (mean, 0);
        }

        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(ss / (values.Length - 1)));
    }
}
