using System.CommandLine;
using System.Globalization;
using Engram.Components.Chips;
using Engram.Components.Ledger;

namespace Engram.Cli.Commands;

/// <summary><c>engram area CHIP</c>: area per component kind and in total.</summary>
public static class AreaCommand
{
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML (arch/chips/*.yaml)" };
        var command = new Command("area", "Area of a chip per component kind.") { chip };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var spec = ChipInput.TryLoad(parse.GetValue(chip)!, parse.InvocationConfiguration.Error, "area");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            var areas = ChipLayout.AreaUm2(spec);
            double total = areas.Values.Sum();
            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{spec.Name}: area by component ({spec.CostProfile} at {spec.Technology.NodeNm:G4} nm)"));
            var byKind = areas.GroupBy(a => EnergyLedger.KindOf(a.Key), StringComparer.Ordinal)
                .Select(g => (Kind: g.Key, AreaUm2: g.Sum(a => a.Value), Count: g.Count()))
                .OrderByDescending(k => k.AreaUm2).ThenBy(k => k.Kind, StringComparer.Ordinal);
            foreach (var (kind, area, count) in byKind)
            {
                output.WriteLine(string.Create(c, $"  {kind,-18}{area,16:F1} um2  {area / total,7:P1}  ({count} block(s))"));
            }

            output.WriteLine(string.Create(c, $"  {"total",-18}{total,16:F1} um2  ({total / 1e6:F4} mm2)"));
            var composites = CompositeTotals.Of(areas);
            foreach (var layer in composites.Keys.Where(k => k.Length > 0 && !k.Contains('/', StringComparison.Ordinal)))
            {
                int macros = composites.Keys.Count(k => k.StartsWith(layer + "/b", StringComparison.Ordinal));
                output.WriteLine(string.Create(c, $"  layer {layer,-12}{composites[layer],16:F1} um2  ({macros} macro(s) of crossbar, row drivers and ADCs, {composites[layer] / total:P1})"));
            }
            return 0;
        });
        return command;
    }
}
