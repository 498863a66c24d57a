using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Models.Costs;

namespace Engram.Cli.Commands;

/// <summary>The per-action figures a chip charges (from its profile and overrides): one line per block kind and action, as the ledger names them.</summary>
internal static class ChipCostTable
{
    public static void Write(TextWriter output, ChipSpec spec)
    {
        var blocks = new ChipBlocks(spec);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{spec.Name}: per-action costs ({spec.CostProfile} at {spec.Technology.NodeNm:G4} nm; column current charged {CurrentConvention(blocks)})"));
        foreach (var (name, periodPs) in spec.Clock.AllDomains())
        {
            var kinds = Engram.Components.Blocks.BlockKinds.All.Select(k => k.Name).Where(k => spec.Clock.DomainOf(k) == name).ToList();
            output.WriteLine(string.Create(c, $"  clock {name}: {periodPs} ps{(name == ClockSpec.ChipDomain ? "" : $" ({string.Join(", ", kinds)})")}"));
        }

        output.WriteLine(string.Create(c, $"  {"block",-16}{"action",-14}{"detail",-36}{"energy",-33}{"latency",-18}{"area",-14}source"));
        foreach (var r in blocks.Rows())
        {
            string energy = string.Create(c, $"{r.EnergyJ * 1e15:G4} fJ") + (r.EnergyNote.Length > 0 ? $" ({r.EnergyNote})" : "");
            // Blocks without a clock of their own (the programmer) take the device card's pulse widths, given in the detail.
            string latency = r.PeriodPs == 0 ? "card pulses" : string.Create(c, $"{r.Cycles} cyc ({r.Cycles * r.PeriodPs} ps)");
            string area = r.AreaUm2 is double a ? string.Create(c, $"{a:G4} um2") : "";
            output.WriteLine(string.Create(c, $"  {r.Kind,-16}{r.Action,-14}{r.Detail,-36}{energy,-33}{latency,-18}{area,-14}{r.Source}"));
        }
    }

    private static string CurrentConvention(ChipBlocks blocks) =>
        blocks.Cells.CurrentInConverter ? "in the ADC"
        : blocks.Adcs.Adc.Convention == ColumnCurrentConvention.InArray && blocks.Cells.FixedEnergyPerCellJ is not null ? "in the array read energy"
        : "in the cells";
}
