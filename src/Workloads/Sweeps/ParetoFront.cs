namespace Engram.Workloads.Sweeps;

/// <summary>A design for the Pareto front: a point of a sweep (with a schedule, for compare sweeps) and its costs.</summary>
public sealed record Design(int Point, string Id, string Label, double EnergyJ, double LatencyPs, double AreaUm2);

/// <summary>
/// The non-dominated designs for minimum energy and minimum latency: no other design is at least as good in both
/// and better in one. Area is carried along (the report colours by it) but is not an objective here.
/// </summary>
public static class ParetoFront
{
    /// <summary>The front, by ascending latency (so by descending energy); ties keep the lower point index.</summary>
    public static IReadOnlyList<Design> Of(IEnumerable<Design> designs)
    {
        var sorted = designs.Where(d => double.IsFinite(d.EnergyJ) && double.IsFinite(d.LatencyPs))
            .OrderBy(d => d.LatencyPs).ThenBy(d => d.EnergyJ).ThenBy(d => d.Point).ThenBy(d => d.Label, StringComparer.Ordinal).ToList();
        var front = new List<Design>();
        double best = double.PositiveInfinity;
        foreach (var d in sorted)
        {
            // Sorted by latency, a design is non-dominated iff its energy beats every faster (or as fast) design's.
            if (d.EnergyJ < best)
            {
                front.Add(d);
                best = d.EnergyJ;
            }
        }

        return front;
    }

    /// <summary>
    /// The designs of a merged sweep: for a compare sweep each point twice (sync and async, when their energy and
    /// latency were recorded), otherwise nothing (the sweep's metrics have no energy and latency to trade).
    /// </summary>
    public static IReadOnlyList<Design> Designs(SweepTable table)
    {
        var names = table.Manifest.Metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var designs = new List<Design>();
        foreach (string schedule in new[] { "sync", "async" })
        {
            if (!names.Contains($"{schedule}_energy_j") || !names.Contains($"{schedule}_latency_ps"))
            {
                continue;
            }

            foreach (var row in table.Rows)
            {
                designs.Add(new Design(row.Index, row.Id, schedule, row.Metrics[$"{schedule}_energy_j"], row.Metrics[$"{schedule}_latency_ps"],
                    row.Metrics.GetValueOrDefault("area_um2", double.NaN)));
            }
        }

        return designs;
    }
}
