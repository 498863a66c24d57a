using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Chips;

namespace Engram.Cli.Commands;

/// <summary>The per-action figures a chip charges (from its profile and overrides), one line per component and action.</summary>
internal static class ChipCostTable
{
    public static void Write(TextWriter output, ChipSpec spec)
    {
        var costs = new ChipCosts(spec);
        var c = CultureInfo.InvariantCulture;
        var card = spec.Device.Card;
        string source(string kind) => spec.CostOverrides.TryGetValue(kind, out var o) ? $"override: {o.Source}" : $"{spec.CostProfile} at {spec.Technology.NodeNm:G4} nm";
        var rows = new List<(string Component, string Action, string Energy, string Latency, string Area, string Source)>
        {
            ("controller", "issue", Fj(costs.Controller.EnergyJ), Cycles(costs.Controller.Cycles, spec), "", "YAML controller.issue_energy_j"),
            ("row_driver", "drive_row (input 1 / 0)", $"{Fj(costs.RowDriveActiveJ)} / {Fj(costs.RowDriveIdleJ)}", Cycles(costs.ReadCycles, spec), Um2(costs.RowDriverAreaUm2), source("row_driver")),
            ("cell", "read", costs.CellReadFixedEnergyJ is double e ? Fj(e) : string.Create(c, $"V^2·G·t: {Fj(card.ReadVoltageV * card.ReadVoltageV * card.GmaxS * costs.ReadCycles * costs.PeriodPs * 1e-12)} at Gmax"), Cycles(costs.ReadCycles, spec), Um2(costs.CellAreaUm2), costs.CellReadFixedEnergyJ is null ? $"device card {card.Name}" : source("cell_read")),
            ("adc", $"convert ({spec.Periphery.AdcType.ToString().ToLowerInvariant()}, {spec.Periphery.AdcBits} bit)", Fj(costs.ConversionEnergyJ(0)) + (costs.CurrentInConverter ? " + column term" : ""), Cycles(costs.AdcCycles, spec), Um2(costs.AdcAreaUm2), source("adc")),
            ("neuron", $"activate ({spec.Periphery.Neuron.ToString().ToLowerInvariant()})", Fj(costs.Neuron.EnergyJ), Cycles(costs.Neuron.Cycles, spec), Um2(costs.NeuronAreaUm2), costs.NeuronSource),
            ("state_register", "write_bit", Fj(costs.RegisterBitJ), Cycles(1, spec), Um2(costs.RegisterBitAreaUm2), source("register")),
            ("interconnect", $"transfer (per bit, {spec.Interconnect.HopLengthUm:G4} um)", Fj(costs.WireBitJ), Cycles(spec.Interconnect.HopCycles, spec), "", source("wire")),
            ("shift_add", "shift_add", Fj(costs.ShiftAdd.EnergyJ), Cycles(costs.ShiftAdd.Cycles, spec), Um2(costs.ShiftAddAreaUm2), source("shift_add")),
        };
        foreach (var layer in ChipLayout.Layers(spec).Where(l => l.RowBlocks > 1))
        {
            var tree = costs.AdderTree(layer.RowBlocks);
            rows.Add(($"L{layer.Index} accumulator", $"reduce ({layer.RowBlocks} partial sums)", Fj(tree.EnergyJ), Cycles(tree.Cycles, spec), Um2(costs.AdderTreeAreaUm2(layer.RowBlocks)), source("adder_tree")));
        }

        if (spec.Controller.Placement == ControllerPlacement.OffChip)
        {
            rows.Add(("host", "round_trip", Fj(costs.HostRoundTripEnergyJ), Cycles(costs.HostRoundTripCycles, spec), "", "YAML controller.host_round_trip_*"));
        }

        output.WriteLine(string.Create(c, $"{spec.Name}: per-action costs, clock {spec.Clock.PeriodPs} ps ({spec.CostProfile} at {spec.Technology.NodeNm:G4} nm; column current charged {CurrentConvention(costs)})"));
        output.WriteLine(string.Create(c, $"  {"component",-16}{"action",-32}{"energy",-30}{"latency",-16}{"area",-14}source"));
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(c, $"  {r.Component,-16}{r.Action,-32}{r.Energy,-30}{r.Latency,-16}{r.Area,-14}{r.Source}"));
        }

        static string CurrentConvention(ChipCosts costs) =>
            costs.CurrentInConverter ? "in the ADC" : costs.Adc.Convention == Engram.Models.Costs.ColumnCurrentConvention.InArray && costs.CellReadFixedEnergyJ is not null ? "in the array read energy" : "in the cells";

        static string Fj(double j) => string.Create(CultureInfo.InvariantCulture, $"{j * 1e15:G4} fJ");
        static string Um2(double a) => string.Create(CultureInfo.InvariantCulture, $"{a:G4} um2");
        static string Cycles(int cycles, ChipSpec s) => string.Create(CultureInfo.InvariantCulture, $"{cycles} cyc ({cycles * s.Clock.PeriodPs} ps)");
    }
}
