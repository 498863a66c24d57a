using Engram.Models.Metrics;
using Engram.Models.Networks;

namespace Engram.Workloads.Capacity;

/// <summary>
/// How <see cref="CapacitySearch"/> walks a grid.
/// </summary>
/// <param name="Overshoot">Grid points still measured after the first failing one (they do not change the capacity; they show whether the fall is lasting).</param>
/// <param name="ExtendTo">When every grid point passes, the grid goes on with its last step up to this many patterns; null keeps the grid as given.</param>
/// <param name="FullGrid">Measure every grid point (the whole curve) instead of stopping after the overshoot.</param>
/// <param name="RefineStart">When the grid's first point already fails, also measure every P below it (so a capacity under a coarse grid's start is not reported as 0).</param>
/// <param name="RefineBracket">When the gap between the capacity C and the first failing P is wider than max(1, ⌊C/16⌋), also measure the P
/// between them at that step: the grid's resolution then follows the capacity, not N (a grid of step N/16 is coarse for a capacity of a few patterns).</param>
public sealed record CapacitySearchOptions(int Overshoot = 2, int? ExtendTo = null, bool FullGrid = false, bool RefineStart = false, bool RefineBracket = false)
{
    public static CapacitySearchOptions Default { get; } = new();

    /// <summary>The default extension limit for a grid ending at <paramref name="gridEnd"/>: 4× its end.</summary>
    public static int DefaultExtension(int gridEnd) => checked(4 * gridEnd);
}

/// <summary>
/// The capacity at τ of one sweep, with where it sits on the grid: <see cref="FirstFailure"/> is the first grid P that
/// fails τ (the true capacity lies in [<see cref="Capacity"/>, <see cref="FirstFailure"/>)); when no grid point fails,
/// <see cref="Clipped"/> is true and the capacity is only a lower bound (the grid's end).
/// </summary>
public sealed record CapacityBracket(int Capacity, int? FirstFailure, int GridEnd)
{
    public bool Clipped => FirstFailure is null;

    /// <summary>The bracket from a measured curve: the capacity, the first grid P below τ (NaN fails), and the last grid P.</summary>
    public static CapacityBracket Of(CapacityCurve curve, double tau)
    {
        int capacity = curve.Capacity(tau);
        int? failure = curve.Points.FirstOrDefault(p => !(p.Similarity >= tau))?.Patterns;
        return new CapacityBracket(capacity, failure, curve.Points[^1].Patterns);
    }
}

/// <summary>The sweep actually run (its settings hold the grid points measured) and its bracket at τ.</summary>
public sealed record CapacitySearchResult(CapacityReport Report, CapacityBracket Bracket);

/// <summary>
/// The capacity protocol run on a grid in ascending chunks, stopping once the capacity at τ is known, and going past
/// the grid's end when the capacity reaches it. Only the first fault rate is used. Every grid point's result depends only
/// on its P (named streams per P, <see cref="CapacityExperiment"/>), so the points measured are identical to the same
/// points of a full sweep, and the points kept (up to the first failure plus the overshoot) do not depend on the chunk
/// size or the thread count.
/// </summary>
public static class CapacitySearch
{
    public static CapacitySearchResult Run(IMemoryLearner learner, CapacitySettings settings, double tau, CapacitySearchOptions? options = null)
    {
        options ??= CapacitySearchOptions.Default;
        settings.Validate();
        if (options.Overshoot < 0)
        {
            throw new ArgumentException("the overshoot must be ≥ 0");
        }

        var grid = settings.Grid.ToList();
        if (options.ExtendTo is int limit && limit < grid[^1])
        {
            throw new ArgumentException($"the grid extension limit {limit} is below the grid's end {grid[^1]}");
        }

        settings = settings with { FaultRates = [settings.FaultRates[0]] };

        // Enough points per chunk to keep every thread busy while learning.
        int chunk = Math.Max(4, settings.Threads);
        var measured = new Dictionary<int, CapacityPoint>();
        bool refined = false;
        int keep;
        while (true)
        {
            var (failure, known) = FirstFailure(grid, measured, tau);
            if (failure == 0 && options.RefineStart && !refined && grid[0] > 1)
            {
                // The capacity is below the grid's first point: look at every P under it.
                grid.InsertRange(0, Enumerable.Range(1, grid[0] - 1));
                refined = true;
                continue;
            }

            if (failure is int at && at > 0 && options.RefineBracket)
            {
                int step = Math.Max(1, grid[at - 1] / 16);
                var between = Enumerable.Range(1, ((grid[at] - grid[at - 1] - 1) / step) + 1).Select(k => grid[at - 1] + (k * step)).Where(p => p < grid[at]).ToList();
                if (between.Count > 0)
                {
                    // The gap is then at most one step wide, so this happens at most once per failure.
                    grid.InsertRange(at, between);
                    continue;
                }
            }

            int wanted = failure is int f && !options.FullGrid ? f + options.Overshoot + 1 : int.MaxValue;
            keep = Math.Min(grid.Count, wanted);
            var missing = grid.Take(keep).Where(p => !measured.ContainsKey(p)).Take(chunk).ToList();
            if (missing.Count == 0)
            {
                // Go past the end while every point passes, or (within the limit) for the overshoot points.
                bool more = known && (failure is null || (!options.FullGrid && grid.Count < wanted));
                if (more && Extend(grid, options.ExtendTo))
                {
                    continue;
                }

                break;
            }

            var part = CapacityExperiment.Run(learner, settings with { Grid = missing });
            foreach (var point in part.Runs[0].Curve.Points)
            {
                measured.Add(point.Patterns, point);
            }
        }

        var curve = new CapacityCurve(grid.Take(keep).Select(p => measured[p]));
        var report = new CapacityReport(learner.Name, settings with { Grid = [.. curve.Points.Select(p => p.Patterns)] }, [new CapacityRun(settings.FaultRates[0], curve)]);
        return new CapacitySearchResult(report, CapacityBracket.Of(curve, tau));
    }

    // The index of the first grid point below τ among the measured prefix, and whether the whole grid is measured
    // (known = true and failure = null: every grid point passes).
    private static (int? Failure, bool Known) FirstFailure(List<int> grid, Dictionary<int, CapacityPoint> measured, double tau)
    {
        for (int i = 0; i < grid.Count; i++)
        {
            if (!measured.TryGetValue(grid[i], out var point))
            {
                return (null, false);
            }

            if (!(point.Similarity >= tau))
            {
                return (i, true);
            }
        }

        return (null, true);
    }

    // Up to four more points of the grid's own step past its end, within the limit; false when there is no room.
    private static bool Extend(List<int> grid, int? limit)
    {
        if (limit is not int max || grid[^1] >= max)
        {
            return false;
        }

        int step = grid.Count > 1 ? grid[^1] - grid[^2] : grid[0];
        int added = 0;
        for (int p = grid[^1] + step; p <= max && added < 4; p += step, added++)
        {
            grid.Add(p);
        }

        return added > 0;
    }
}
