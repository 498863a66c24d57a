using Engram.Models.Metrics;

namespace Engram.Workloads.Capacity;

/// <summary>Capacity at one size N (from the sweep at that N).</summary>
public sealed record ScalingPoint(int Neurons, int Capacity, CapacityReport Report);

/// <summary>Capacity against N and its log-log power law (docs/associative-memory.md); <see cref="Fit"/> is null when it cannot be fitted.</summary>
public sealed record ScalingReport(string Rule, double Tau, IReadOnlyList<ScalingPoint> Points, PowerLaw? Fit, string? FitProblem);

/// <summary>Runs the capacity protocol at several N (first fault rate of each sweep) and fits capacity ∝ N^a.</summary>
public static class ScalingExperiment
{
    /// <param name="progress">Called after each N with the count of sizes done and which N it was.</param>
    public static ScalingReport Run(string rule, IReadOnlyList<int> sizes, Func<int, Models.Networks.IMemoryLearner> learner, Func<int, CapacitySettings> settings, double tau,
        Action<int, string>? progress = null)
    {
        if (sizes.Count == 0)
        {
            throw new ArgumentException("give at least one N");
        }

        var points = new List<ScalingPoint>();
        foreach (int n in sizes)
        {
            var report = CapacityExperiment.Run(learner(n), settings(n));
            points.Add(new ScalingPoint(n, report.Runs[0].Curve.Capacity(tau), report));
            progress?.Invoke(points.Count, $"N = {n}");
        }

        PowerLaw? fit = null;
        string? problem = null;
        try
        {
            fit = PowerLawFit.Fit([.. points.Select(p => (double)p.Neurons)], [.. points.Select(p => (double)p.Capacity)]);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }

        return new ScalingReport(rule, tau, points, fit, problem);
    }
}
