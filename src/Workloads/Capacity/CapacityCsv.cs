using System.Globalization;
using System.Text;

namespace Engram.Workloads.Capacity;

/// <summary>CSV forms of capacity sweeps: one row per (fault rate, P), and one row per fault rate.</summary>
public static class CapacityCsv
{
    public const string CurveFileName = "capacity-curve.csv";
    public const string SummaryFileName = "capacity.csv";
    public const string ScalingFileName = "scaling.csv";
    public const string ScalingCurveFileName = "scaling-curve.csv";
    public const string ChipCostsFileName = "chip-costs.csv";
    public const string SubsetSummaryFileName = "capacity-subsets.csv";
    public const string SubsetCurveFileName = "capacity-subset-curve.csv";

    /// <summary>One row per (fault rate, P) of a capacity sweep on a chip: energy and latency per recall.</summary>
    public static string ChipCosts(ChipCapacityReport report)
    {
        var sb = new StringBuilder("rule,n,fault_rate,patterns,energy_per_recall_j,latency_per_recall_ps\n");
        foreach (var c in report.Costs)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{report.Report.Rule},{report.Report.Settings.Neurons},{c.FaultRate:R},{c.Patterns},{c.EnergyPerRecallJ:R},{c.LatencyPerRecallPs:R}\n"));
        }

        return sb.ToString();
    }

    /// <summary>
    /// One row per network size: the capacity, the first grid P that fails τ (empty when none does) and whether the
    /// capacity is clipped at the grid's end (1: a lower bound, left out of the fit).
    /// </summary>
    public static string Scaling(ScalingReport report)
    {
        var sb = new StringBuilder("rule,n,tau,capacity,first_failure,clipped\n");
        foreach (var p in report.Points)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"{report.Rule},{p.Neurons},{report.Tau:R},{p.Capacity},{p.Bracket.FirstFailure},{(p.Clipped ? 1 : 0)}\n"));
        }

        return sb.ToString();
    }

    /// <summary>The curves behind a scaling fit, every size under one header (the capacity curve's columns).</summary>
    public static string ScalingCurves(ScalingReport report)
    {
        var sb = new StringBuilder();
        foreach (var (p, i) in report.Points.Select((p, i) => (p, i)))
        {
            string curve = Curve(p.Report);
            sb.Append(i == 0 ? curve : curve[(curve.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// One row per (fault rate, P): the pooled mean and std over all trials; <c>subsets</c> is the number of subset draws K and
    /// <c>similarity_se</c>/<c>exact_se</c> the standard error of the pooled mean from the spread of the K draws' means
    /// (empty for K = 1, where the subset is not redrawn and no such error can be estimated).
    /// </summary>
    public static string Curve(CapacityReport report)
    {
        var s = report.Settings;
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,patterns,similarity,similarity_std,exact,exact_std,subsets,similarity_se,exact_se\n");
        foreach (var run in report.Runs)
        {
            var draws = run.SubsetCurves;
            for (int i = 0; i < run.Curve.Points.Count; i++)
            {
                var p = run.Curve.Points[i];
                double simSe = SubsetReplicates.StandardError(draws.Select(c => c.Points[i].Similarity));
                double exactSe = SubsetReplicates.StandardError(draws.Select(c => c.Points[i].Exact));
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Prefix(report, run.FaultRate)},{p.Patterns},{p.Similarity:R},{p.SimilarityStd:R},{p.Exact:R},{p.ExactStd:R},{draws.Count},{Blank(simSe)},{Blank(exactSe)}"));
            }
        }

        return sb.ToString();
    }

    /// <summary>One row per fault rate: capacity at τ = 0.99 and 0.95 of the pooled curve by mean similarity and by exact-recall rate.</summary>
    public static string Summary(CapacityReport report)
    {
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,capacity_099,capacity_095,capacity_exact_099,capacity_exact_095,subsets\n");
        foreach (var run in report.Runs)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix(report, run.FaultRate)},{run.Capacity099},{run.Capacity095},{run.ExactCapacity099},{run.ExactCapacity095},{run.SubsetCurves.Count}"));
        }

        return sb.ToString();
    }

    /// <summary>One row per (fault rate, subset draw): the four capacities of that draw's own curve (the paper protocol re-run on fresh subsets).</summary>
    public static string SubsetSummary(CapacityReport report)
    {
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,subset,capacity_099,capacity_095,capacity_exact_099,capacity_exact_095\n");
        foreach (var run in report.Runs)
        {
            foreach (var (curve, k) in run.SubsetCurves.Select((c, k) => (c, k)))
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Prefix(report, run.FaultRate)},{k},{curve.Capacity(0.99)},{curve.Capacity(0.95)},{curve.ExactCapacity(0.99)},{curve.ExactCapacity(0.95)}"));
            }
        }

        return sb.ToString();
    }

    /// <summary>One row per (fault rate, subset draw, P): that draw's mean and std over its trials.</summary>
    public static string SubsetCurve(CapacityReport report)
    {
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,subset,patterns,similarity,similarity_std,exact,exact_std\n");
        foreach (var run in report.Runs)
        {
            foreach (var (curve, k) in run.SubsetCurves.Select((c, k) => (c, k)))
            {
                foreach (var p in curve.Points)
                {
                    sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Prefix(report, run.FaultRate)},{k},{p.Patterns},{p.Similarity:R},{p.SimilarityStd:R},{p.Exact:R},{p.ExactStd:R}"));
                }
            }
        }

        return sb.ToString();
    }

    public static string Name(PatternSource source) => source.ToString().ToLowerInvariant();

    private static string Prefix(CapacityReport report, double faultRate)
    {
        var s = report.Settings;
        return string.Create(CultureInfo.InvariantCulture, $"{report.Rule},{s.Neurons},{Name(s.Source)},{(s.Continuous ? 1 : 0)},{faultRate:R},{s.Variation:R},{s.Trials}");
    }

    private static string Blank(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);
}
