using Engram.Components.Arch;
using Engram.Models.Metrics;
using Engram.Models.Networks;

namespace Engram.Workloads.Capacity;

/// <summary>A scaling study whose recalls all ran on chips: the scaling report and each size's chip capacity report.</summary>
public sealed record ChipScalingReport(ScalingReport Scaling, IReadOnlyList<ChipCapacityReport> Chips);

/// <summary>
/// The scaling protocol of <see cref="ScalingExperiment"/> with every recall on a chip: for each chip (one per size N,
/// e.g. one design grown with <c>ChipLoader.WithNeurons</c>) the capacity protocol of <see cref="ChipCapacityExperiment"/>
/// at the chip's N (first fault rate), then capacity ∝ N^a fitted in log-log space.
/// </summary>
public static class ChipScalingExperiment
{
    /// <param name="progress">Called after each chip with the count of sizes done and which N it was.</param>
    public static ChipScalingReport Run(string rule, IReadOnlyList<ChipSpec> chips, Func<ChipSpec, IMemoryLearner> learner, Func<int, CapacitySettings> settings, double tau,
        Action<int, string>? progress = null)
    {
        if (chips.Count == 0)
        {
            throw new ArgumentException("give at least one chip");
        }

        var points = new List<ScalingPoint>();
        var reports = new List<ChipCapacityReport>();
        foreach (var chip in chips)
        {
            int n = chip.Network.Neurons;
            var report = ChipCapacityExperiment.Run(learner(chip), settings(n), chip);
            reports.Add(report);
            points.Add(new ScalingPoint(n, CapacityBracket.Of(report.Report.Runs[0].Curve, tau), report.Report));
            progress?.Invoke(points.Count, $"{chip.Name}, N = {n}");
        }

        var (fit, problem) = ScalingExperiment.FitPoints(points);
        return new ChipScalingReport(new ScalingReport(rule, tau, points, fit, problem), reports);
    }
}
