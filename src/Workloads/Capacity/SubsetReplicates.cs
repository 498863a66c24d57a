using Engram.Models.Metrics;

namespace Engram.Workloads.Capacity;

/// <summary>
/// Runs the capacity protocol once per subset draw of a <see cref="SubsetPlan"/> (draw s on the streams of
/// <see cref="CapacityStreams"/>, draw 0 being the paper protocol's) and pools the draws: at every (fault rate, P)
/// the pooled similarity and exact rate are the means over all K·T trials and their std the std over all K·T trials;
/// each run keeps the curve of every draw (<see cref="CapacityRun.Draws"/>) for the spread between subsets.
/// Draws run one after another, each parallel inside, so results do not depend on the thread count.
/// </summary>
public static class SubsetReplicates
{
    /// <summary>The software protocol (<see cref="CapacityExperiment"/>) for every draw of <paramref name="plan"/>, pooled.</summary>
    public static CapacityReport Run(Models.Networks.IMemoryLearner learner, CapacitySettings settings, SubsetPlan plan, Action<int, string>? progress = null) =>
        Pool(RunDraws(settings, plan, progress, (s, tick) => CapacityExperiment.Run(learner, s, tick)));

    /// <summary>The chip protocol (<see cref="ChipCapacityExperiment"/>) for every draw, pooled; costs are the means over draws.</summary>
    public static ChipCapacityReport RunOnChip(Models.Networks.IMemoryLearner learner, CapacitySettings settings, Components.Arch.ChipSpec chip, SubsetPlan plan, Action<int, string>? progress = null)
    {
        var draws = RunDraws(settings, plan, progress, (s, tick) => ChipCapacityExperiment.Run(learner, s, chip, tick));
        return new ChipCapacityReport(Pool([.. draws.Select(d => d.Report)]), PoolCosts(draws));
    }

    /// <summary>
    /// One report from several draws of the same settings but <see cref="CapacitySettings.SubsetDraw"/>; a single draw is returned
    /// as it is. The pooled report's settings are the first draw's.
    /// </summary>
    public static CapacityReport Pool(IReadOnlyList<CapacityReport> draws)
    {
        if (draws.Count == 0)
        {
            throw new ArgumentException("no subset draws to pool");
        }

        if (draws.Count == 1)
        {
            return draws[0];
        }

        var first = draws[0];
        var runs = new List<CapacityRun>();
        for (int r = 0; r < first.Runs.Count; r++)
        {
            var curves = draws.Select(d => d.Runs[r].Curve).ToArray();
            var points = new CapacityPoint[curves[0].Points.Count];
            for (int i = 0; i < points.Length; i++)
            {
                var at = curves.Select(c => c.Points[i]).ToArray();
                var (sim, simStd) = Pooled(at.Select(p => (p.Similarity, p.SimilarityStd)).ToArray(), first.Settings.Trials);
                var (exact, exactStd) = Pooled(at.Select(p => (p.Exact, p.ExactStd)).ToArray(), first.Settings.Trials);
                points[i] = new CapacityPoint(at[0].Patterns, sim, exact, simStd, exactStd);
            }

            runs.Add(new CapacityRun(first.Runs[r].FaultRate, new CapacityCurve(points), curves));
        }

        return new CapacityReport(first.Rule, first.Settings, runs);
    }

    /// <summary>Standard error of the pooled mean from the spread of the K draws' means (NaN for one draw).</summary>
    public static double StandardError(IEnumerable<double> drawMeans)
    {
        var means = drawMeans.ToArray();
        return means.Length < 2 ? double.NaN : CapacityExperiment.MeanStd(means).Std / Math.Sqrt(means.Length);
    }

    private static List<T> RunDraws<T>(CapacitySettings settings, SubsetPlan plan, Action<int, string>? progress, Func<CapacitySettings, Action<int, string>?, T> run)
    {
        var draws = new List<T>();
        int perDraw = settings.FaultRates.Count * settings.Grid.Count;
        for (int s = 0; s < plan.Subsets; s++)
        {
            int offset = s * perDraw;
            int draw = s;
            Action<int, string>? tick = progress is null ? null : (done, what) => progress(offset + done, plan.Subsets == 1 ? what : $"subset draw {draw}, {what}");
            draws.Add(run(settings with { SubsetDraw = s, Trials = plan.TrialsPerSubset }, tick));
        }

        return draws;
    }

    // Mean and sample std over all K·T trials from each draw's mean and sample std over its T trials (law of total variance).
    private static (double Mean, double Std) Pooled((double Mean, double Std)[] draws, int trials)
    {
        double mean = 0;
        foreach (var d in draws)
        {
            mean += d.Mean;
        }

        mean /= draws.Length;
        double ss = 0;
        foreach (var d in draws)
        {
            ss += ((trials - 1) * d.Std * d.Std) + (trials * (d.Mean - mean) * (d.Mean - mean));
        }

        int total = draws.Length * trials;
        return (mean, total < 2 ? 0 : Math.Sqrt(ss / (total - 1)));
    }

    private static List<ChipRecallCost> PoolCosts(IReadOnlyList<ChipCapacityReport> draws)
    {
        var costs = new List<ChipRecallCost>();
        for (int i = 0; i < draws[0].Costs.Count; i++)
        {
            var at = draws.Select(d => d.Costs[i]).ToArray();
            costs.Add(at[0] with { EnergyPerRecallJ = at.Average(c => c.EnergyPerRecallJ), LatencyPerRecallPs = at.Average(c => c.LatencyPerRecallPs) });
        }

        return costs;
    }
}
