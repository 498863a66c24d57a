using System.CommandLine;
using System.Globalization;
using Engram.Components.Arch;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram validate FILE</c>: checks a chip YAML or a device card (told apart by their top-level keys) and
/// prints a short summary. Exit 0 when valid; 2 with <c>file:line:col: key: detail</c> on stderr when not.
/// </summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "chip YAML (arch/chips/*.yaml) or device card (arch/devices/*.yaml)" };
        var command = new Command("validate", "Check a chip or device-card YAML file and summarise it.") { file };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string path = parse.GetValue(file)!;
            try
            {
                var document = ArchDocument.Load(path);
                if (ChipLoader.IsChip(document))
                {
                    long budget = ChipLoader.DefaultMemoryBudgetBytes;
                    var spec = ChipLoader.Read(document, budget);
                    WriteChip(output, spec, budget);
                    if (new Engram.Components.Chips.ChipBlocks(spec).Adcs.Warning is { } warning)
                    {
                        error.WriteLine($"{path}: {warning}");
                    }
                }
                else
                {
                    WriteCard(output, path, DeviceCardLoader.Read(document));
                }

                return 0;
            }
            catch (ArchException ex)
            {
                error.WriteLine(ex.Message);
                return 2;
            }
            catch (IOException ex)
            {
                error.WriteLine($"{path}: {ex.Message}");
                return 2;
            }
            catch (UnauthorizedAccessException ex)
            {
                error.WriteLine($"{path}: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static void WriteChip(TextWriter output, ChipSpec spec, long budget)
    {
        var fit = ChipFit.Of(spec);
        var c = CultureInfo.InvariantCulture;
        string network = spec.Network.Kind switch
        {
            NetworkKind.Multilayer => $"multilayer, N = {spec.Network.Neurons}, H = {spec.Network.Hidden}",
            NetworkKind.Mlp => $"mlp, layers {string.Join("-", spec.Network.Widths)}",
            _ => $"single_layer, N = {spec.Network.Neurons}",
        };
        string mapping = spec.Device.Mapping.Name;
        output.WriteLine($"chip {spec.Name} ({spec.File}): valid");
        output.WriteLine($"  network       {network}");
        output.WriteLine($"  arrays        {fit.PhysicalArraysNeeded} needed of {fit.PhysicalArraysAvailable} available " +
                         $"({spec.Tiles.Count} tile(s) x {spec.Tiles.ArraysPerTile}, {spec.Array.Rows}x{spec.Array.Cols}, {mapping})");
        output.WriteLine($"  cells         {fit.Cells}");
        output.WriteLine($"  memory        ~{ChipLoader.FormatBytes(fit.EstimatedBytes)} for device arrays (budget {ChipLoader.FormatBytes(budget)})");
        output.WriteLine($"  device        {spec.Device.Card.Name} ({spec.Device.CardPath})");
        output.WriteLine(string.Create(c, $"  cost profile  {spec.CostProfile} at {spec.Technology.NodeNm:G4} nm, {spec.CostOverrides.Count} override(s)"));
    }

    private static void WriteCard(TextWriter output, string path, Engram.Models.Devices.DeviceCard card)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"device card {card.Name} ({path}): valid");
        output.WriteLine(string.Create(c, $"  conductance   {card.GminS:G4} .. {card.GmaxS:G4} S, levels {(card.Levels == 0 ? "continuous" : card.Levels.ToString(c))}"));
        output.WriteLine(string.Create(c, $"  read          {card.ReadVoltageV:G4} V"));
        output.WriteLine($"  pulse model   {card.PulseResponse.Model}");
    }
}
