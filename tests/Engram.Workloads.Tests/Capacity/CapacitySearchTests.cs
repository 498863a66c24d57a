using Engram.Models.Metrics;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>
/// The grid walk behind <c>engram scaling</c>, on the pseudo-inverse rule with clean cues (c = 0): P = N always fails
/// (the projector is then the identity, which the zeroed diagonal wipes out), while small P are exact fixed points, so
/// the capacity lies well inside 8 &lt; capacity &lt; N for N = 16; the reference is the same protocol on the whole grid 1..2N.
/// </summary>
public class CapacitySearchTests
{
    private const int N = 16;

    private static readonly int Reference = CapacityExperiment.Run(LearnerCatalog.Create("pinv"), Settings([.. Enumerable.Range(1, 2 * N)])).Runs[0].Capacity099;

    private static CapacitySettings Settings(IReadOnlyList<int> grid) => new() { Neurons = N, Grid = grid, Trials = 1, CueFlip = 0, Seed = 3, Threads = 1 };

    [Fact]
    public void The_reference_capacity_is_between_the_short_grid_end_and_N()
    {
        Assert.InRange(Reference, 9, N - 1);
    }

    [Fact]
    public void A_capacity_at_the_grid_end_is_flagged_as_clipped()
    {
        var result = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([.. Enumerable.Range(1, 8)]), 0.99);
        Assert.True(result.Bracket.Clipped);
        Assert.Null(result.Bracket.FirstFailure);
        Assert.Equal(8, result.Bracket.Capacity);
        Assert.Equal(8, result.Bracket.GridEnd);
    }

    [Fact]
    public void An_extended_grid_goes_past_its_end_until_the_capacity_is_bracketed()
    {
        var result = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([.. Enumerable.Range(1, 8)]), 0.99, new CapacitySearchOptions(ExtendTo: 64));
        Assert.False(result.Bracket.Clipped);
        Assert.Equal(Reference, result.Bracket.Capacity);
        Assert.Equal(Reference + 1, result.Bracket.FirstFailure);

        // Two points of overshoot after the failure, then it stops.
        Assert.Equal([.. Enumerable.Range(1, Reference + 3)], result.Report.Settings.Grid);
    }

    [Fact]
    public void An_extension_limit_below_the_capacity_still_ends_clipped()
    {
        var result = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([2, 4, 6]), 0.99, new CapacitySearchOptions(ExtendTo: 9));
        Assert.True(result.Bracket.Clipped);
        Assert.Equal(8, result.Bracket.Capacity);
        Assert.Equal([2, 4, 6, 8], result.Report.Settings.Grid);
    }

    [Fact]
    public void A_first_point_that_fails_is_refined_below_instead_of_giving_zero()
    {
        var coarse = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([N, 2 * N]), 0.99);
        Assert.Equal(0, coarse.Bracket.Capacity);

        var refined = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([N, 2 * N]), 0.99, new CapacitySearchOptions(RefineStart: true));
        Assert.Equal(Reference, refined.Bracket.Capacity);
        Assert.Equal(Reference + 1, refined.Bracket.FirstFailure);
    }

    [Fact]
    public void A_bracket_wider_than_a_sixteenth_of_the_capacity_is_refined()
    {
        // Grid 4, 8, …: the coarse bracket is [12, 16) or wider around the reference; refining at step max(1, C/16) = 1 finds it exactly.
        var coarse = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([4, 8, 12, 16, 20]), 0.99);
        Assert.True(coarse.Bracket.FirstFailure - coarse.Bracket.Capacity > 1);

        var refined = CapacitySearch.Run(LearnerCatalog.Create("pinv"), Settings([4, 8, 12, 16, 20]), 0.99, new CapacitySearchOptions(RefineBracket: true));
        Assert.Equal(Reference, refined.Bracket.Capacity);
        Assert.Equal(Reference + 1, refined.Bracket.FirstFailure);
    }

    [Fact]
    public void Points_measured_by_the_search_equal_the_same_points_of_a_full_sweep_on_any_thread_count()
    {
        // Hebb on random patterns with noisy cues: a curve that falls through τ, with real trial noise.
        var settings = new CapacitySettings { Neurons = 24, Grid = [.. Enumerable.Range(1, 12)], Trials = 3, CueFlip = 0.1, Seed = 11, Threads = 1 };
        var full = CapacityExperiment.Run(LearnerCatalog.Create("hebb"), settings).Runs[0].Curve;
        var one = CapacitySearch.Run(LearnerCatalog.Create("hebb"), settings, 0.95);
        var two = CapacitySearch.Run(LearnerCatalog.Create("hebb"), settings with { Threads = 2 }, 0.95);

        Assert.Equal(full.Capacity(0.95), one.Bracket.Capacity);
        Assert.False(one.Bracket.Clipped);
        var points = one.Report.Runs[0].Curve.Points;
        Assert.True(points.Count < full.Points.Count, "the search should stop before the grid's end");
        Assert.Equal(full.Points.Take(points.Count), points);
        Assert.Equal(points, two.Report.Runs[0].Curve.Points);

        var whole = CapacitySearch.Run(LearnerCatalog.Create("hebb"), settings, 0.95, new CapacitySearchOptions(FullGrid: true));
        Assert.Equal(full.Points, whole.Report.Runs[0].Curve.Points);
    }

    [Fact]
    public void The_fit_leaves_clipped_sizes_out_and_says_so_when_too_few_remain()
    {
        // capacity = 2·N^1.5 exactly at three sizes, plus a clipped size far below the law.
        var points = new List<ScalingPoint> { Point(16, 128, 136), Point(36, 432, 441), Point(64, 1024, 1028), Point(100, 50, null) };
        var (fit, problem) = ScalingExperiment.FitPoints(points);
        Assert.Null(problem);
        Assert.Equal(1.5, fit!.Exponent, 9);
        Assert.Equal(3, fit.Points);

        var (none, why) = ScalingExperiment.FitPoints([Point(16, 128, 136), Point(100, 50, null)]);
        Assert.Null(none);
        Assert.Contains("N = 100", why, StringComparison.Ordinal);
        Assert.Contains("grid's end", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_size_that_never_reaches_tau_is_named_with_its_best_similarity()
    {
        var curve = new CapacityCurve([new CapacityPoint(1, 0.97, 0), new CapacityPoint(2, 0.985, 0), new CapacityPoint(3, 0.9, 0)]);
        var report = new CapacityReport("multilayer", Settings([1, 2, 3]), [new CapacityRun(0, curve)]);
        var points = new List<ScalingPoint> { Point(16, 5, 6), new(36, CapacityBracket.Of(curve, 0.99), report) };
        var (fit, problem) = ScalingExperiment.FitPoints(points);
        Assert.Null(fit);
        Assert.Contains("N = 36", problem, StringComparison.Ordinal);
        Assert.Contains("0.9850 at P = 2", problem, StringComparison.Ordinal);
    }

    private static ScalingPoint Point(int n, int capacity, int? failure)
    {
        var curve = new CapacityCurve([new CapacityPoint(capacity, 1, 1)]);
        var report = new CapacityReport("test", Settings([capacity]), [new CapacityRun(0, curve)]);
        return new ScalingPoint(n, new CapacityBracket(capacity, failure, failure ?? capacity), report);
    }
}
