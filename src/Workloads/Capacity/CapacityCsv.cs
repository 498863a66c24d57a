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

    public static string Curve(CapacityReport report)
    {
        var s = report.Settings;
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,patterns,similarity,similarity_std,exact,exact_std\n");
        foreach (var run in report.Runs)
        {
            foreach (var p in run.Curve.Points)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{report.Rule},{s.Neurons},{Name(s.Source)},{(s.Continuous ? 1 : 0)},{run.FaultRate:R},{s.Variation:R},{s.Trials},{p.Patterns},{p.Similarity:R},{p.SimilarityStd:R},{p.Exact:R},{p.ExactStd:R}"));
            }
        }

        return sb.ToString();
    }

    public static string Summary(CapacityReport report)
    {
        var s = report.Settings;
        var sb = new StringBuilder("rule,n,dataset,continuous,fault_rate,variation,trials,capacity_099,capacity_095\n");
        foreach (var run in report.Runs)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Rule},{s.Neurons},{Name(s.Source)},{(s.Continuous ? 1 : 0)},{run.FaultRate:R},{s.Variation:R},{s.Trials},{run.Capacity099},{run.Capacity095}"));
        }

        return sb.ToString();
    }

    public static string Name(PatternSource source) => source.ToString().ToLowerInvariant();
}
