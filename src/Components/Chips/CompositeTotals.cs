namespace Engram.Components.Chips;

/// <summary>
/// Composites sum their children: a macro (<c>L0/b1.2</c>) is its crossbar, row drivers and ADCs; a layer
/// (<c>L0</c>) its macros, shift-add units, adder trees and interconnect; the chip ("") everything. Works for any
/// figure kept per block path (area, energy, leakage), summed in path order so the totals are deterministic.
/// </summary>
public static class CompositeTotals
{
    public static SortedDictionary<string, double> Of(IEnumerable<KeyValuePair<string, double>> perBlock)
    {
        var totals = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (path, value) in perBlock.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            totals[""] = totals.GetValueOrDefault("") + value;
            for (int slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
            {
                string composite = path[..slash];
                totals[composite] = totals.GetValueOrDefault(composite) + value;
            }
        }

        return totals;
    }
}
