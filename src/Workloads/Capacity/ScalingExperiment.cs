using Engram.Models.Metrics;

namespace Engram.Workloads.Capacity;

/// <summary>Capacity at one size N (from the sweep at that N) and where it sits on that sweep's grid.</summary>
public sealed record ScalingPoint(int Neurons, CapacityBracket Bracket, CapacityReport Report)
{
    public int Capacity => Bracket.Capacity;

    /// <summary>Every grid point passed τ: the capacity is the grid's end, a lower bound, and is left out of the fit.</summary>
    public bool Clipped => Bracket.Clipped;
}

/// <summary>
/// Capacity against N and its log-log power law (docs/associative-memory.md), fitted on the points that are not clipped
/// at their grid's end (<see cref="FitSizes"/>); <see cref="Fit"/> is null when it cannot be fitted, with the reason in
/// <see cref="FitProblem"/>.
/// </summary>
public sealed record ScalingReport(string Rule, double Tau, IReadOnlyList<ScalingPoint> Points, PowerLaw? Fit, string? FitProblem)
{
    public IReadOnlyList<int> FitSizes => [.. Points.Where(p => !p.Clipped).Select(p => p.Neurons)];

    public IReadOnlyList<int> ClippedSizes => [.. Points.Where(p => p.Clipped).Select(p => p.Neurons)];
}

/// <summary>
/// Runs the capacity protocol at several N (first fault rate of each sweep, through <see cref="CapacitySearch"/>) and
/// fits capacity ∝ N^a on the sizes whose capacity is bracketed by the grid.
/// </summary>
public static class ScalingExperiment
{
    /// <param name="search">Per N: how the grid is walked (overshoot, extension past the grid's end); default: stop two points after the first failure, no extension.</param>
    /// <param name="progress">Called after each N with the count of sizes done and which N it was.</param>
    public static ScalingReport Run(string rule, IReadOnlyList<int> sizes, Func<int, Models.Networks.IMemoryLearner> learner, Func<int, CapacitySettings> settings, double tau,
        Action<int, string>? progress = null, Func<int, CapacitySearchOptions>? search = null)
    {
        if (sizes.Count == 0)
        {
            throw new ArgumentException("give at least one N");
        }

        var points = new List<ScalingPoint>();
        foreach (int n in sizes)
        {
            var result = CapacitySearch.Run(learner(n), settings(n), tau, search?.Invoke(n));
            points.Add(new ScalingPoint(n, result.Bracket, result.Report));
            progress?.Invoke(points.Count, $"N = {n}");
        }

        var (fit, problem) = FitPoints(points);
        return new ScalingReport(rule, tau, points, fit, problem);
    }

    /// <summary>The power law over the points not clipped at their grid's end, or why there is none.</summary>
    public static (PowerLaw? Fit, string? Problem) FitPoints(IReadOnlyList<ScalingPoint> points)
    {
        var used = points.Where(p => !p.Clipped).ToList();
        var clipped = points.Where(p => p.Clipped).Select(p => p.Neurons).ToList();
        string clippedNote = clipped.Count == 0 ? "" : $" (left out, capacity at the grid's end: N = {string.Join(", ", clipped)})";
        var zero = used.Where(p => p.Capacity == 0).ToList();
        if (zero.Count > 0)
        {
            return (null, "capacity 0 at " + string.Join("; ", zero.Select(p =>
            {
                var best = p.Report.Runs[0].Curve.Points.MaxBy(c => c.Similarity)!;
                return FormattableString.Invariant($"N = {p.Neurons} (no grid P reaches τ; P = {p.Report.Runs[0].Curve.Points[0].Patterns} gives similarity {p.Report.Runs[0].Curve.Points[0].Similarity:F4}, the best is {best.Similarity:F4} at P = {best.Patterns})");
            })));
        }

        try
        {
            return (PowerLawFit.Fit([.. used.Select(p => (double)p.Neurons)], [.. used.Select(p => (double)p.Capacity)]), null);
        }
        catch (ArgumentException ex)
        {
            return (null, ex.Message + clippedNote);
        }
    }
}
