using System.Globalization;
using System.Text;
using Engram.Components.Ledger;

namespace Engram.Workloads.Reports;

/// <summary><c>breakdown.csv</c>: energy, busy time and area per component and action, then a total row.</summary>
public static class BreakdownCsv
{
    public static string Write(IReadOnlyList<LedgerRow> rows, IReadOnlyDictionary<string, double> areaUm2ByComponent)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder("component,action,count,energy_j,busy_ps,area_um2\n");
        var seenArea = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            // Area belongs to the component, not to an action: report it once, on its first row.
            string area = seenArea.Add(r.ComponentPath) && areaUm2ByComponent.TryGetValue(r.ComponentPath, out double a) ? a.ToString("R", c) : "";
            text.Append(string.Create(c, $"{Quote(r.ComponentPath)},{Quote(r.Action)},{r.Count},{r.EnergyJ:R},{r.BusyPs},{area}\n"));
        }

        double totalArea = areaUm2ByComponent.Values.Sum();
        text.Append(string.Create(c, $"total,,{rows.Sum(r => r.Count)},{rows.Sum(r => r.EnergyJ):R},,{totalArea:R}\n"));
        return text.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
