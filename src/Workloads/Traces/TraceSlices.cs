using Engram.Components.Ledger;

namespace Engram.Workloads.Traces;

/// <summary>Turns a ledger's kept entries into time-ordered slices (stable on ties, so traces are deterministic).</summary>
public static class TraceSlices
{
    public static TraceSlice[] FromLedger(EnergyLedger ledger)
    {
        if (!ledger.KeepEntries)
        {
            throw new InvalidOperationException("traces need a ledger created with keepEntries: true");
        }

        var entries = ledger.Entries;
        var slices = new TraceSlice[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            slices[i] = new TraceSlice(ledger.ComponentPath(e.Component), ledger.ActionName(e.Action), e.StartTick, e.DurationTicks, e.EnergyJ, e.Count);
        }

        // Array.Sort is unstable; sort an index permutation with the original index as the last key.
        var order = new int[slices.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = slices[a].StartPs.CompareTo(slices[b].StartPs);
            return c != 0 ? c : a.CompareTo(b);
        });
        var sorted = new TraceSlice[slices.Length];
        for (int i = 0; i < order.Length; i++)
        {
            sorted[i] = slices[order[i]];
        }

        return sorted;
    }
}
