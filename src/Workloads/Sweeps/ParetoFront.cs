namespace Engram.Workloads.Sweeps;

/// <summary>
/// A design for the Pareto front: a point of a sweep under one schedule, its costs, and the group it competes in
/// (designs of different network sizes solve different problems, so they are only compared within one N).
/// </summary>
public sealed record Design(int Point, string Id, string Label, double EnergyJ, double LatencyPs, double AreaUm2, string Group = "");

/// <summary>
/// The non-dominated designs for minimum energy per recall, latency per recall and area: no other design of the same
/// group is at least as good in all three and better in one. When area is unknown only energy and latency count.
/// </summary>
public static class ParetoFront
{
    /// <summary>The front in group order (as first seen), then by ascending latency, energy and point.</summary>
    public static IReadOnlyList<Design> Of(IEnumerable<Design> designs)
    {
        var finite = designs.Where(d => double.IsFinite(d.EnergyJ) && double.IsFinite(d.LatencyPs)).ToList();
        var groups = finite.Select(d => d.Group).Distinct().ToList();
        return [.. finite.Where(d => !finite.Any(o => o.Group == d.Group && Dominates(o, d)))
            .OrderBy(d => groups.IndexOf(d.Group)).ThenBy(d => d.LatencyPs).ThenBy(d => d.EnergyJ).ThenBy(d => d.Point).ThenBy(d => d.Label, StringComparer.Ordinal)];
    }

    public static bool Dominates(Design a, Design b)
    {
        bool area = double.IsFinite(a.AreaUm2) && double.IsFinite(b.AreaUm2);
        bool noWorse = a.EnergyJ <= b.EnergyJ && a.LatencyPs <= b.LatencyPs && (!area || a.AreaUm2 <= b.AreaUm2);
        bool better = a.EnergyJ < b.EnergyJ || a.LatencyPs < b.LatencyPs || (area && a.AreaUm2 < b.AreaUm2);
        return noWorse && better;
    }

    /// <summary>
    /// The designs of a merged sweep: for a compare sweep each point twice (sync and async, when their energy and
    /// latency were recorded), grouped by <c>network.neurons</c> when that is an axis; otherwise nothing.
    /// </summary>
    public static IReadOnlyList<Design> Designs(SweepTable table)
    {
        var names = table.Manifest.Metrics.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        bool byN = table.Manifest.Axes.Contains(ChipPatch.NeuronsPath);
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
                    row.Metrics.GetValueOrDefault("area_um2", double.NaN), byN ? $"N={row.Axes[ChipPatch.NeuronsPath]}" : ""));
            }
        }

        return designs;
    }
}
