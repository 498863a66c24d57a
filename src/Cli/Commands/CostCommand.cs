using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engram.Components.Blocks;
using Engram.Models.Costs;

namespace Engram.Cli.Commands;

/// <summary><c>engram cost</c>: component cost figures; <c>cost query</c> answers one action of one component.</summary>
public static class CostCommand
{
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML: print the per-action costs it will charge", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("cost", "Energy, latency and area of a chip's components, or (cost query) of one component under a profile.") { chip };
        command.Subcommands.Add(BuildQuery());
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string? path = parse.GetValue(chip);
            if (path is null)
            {
                error.WriteLine("engram cost: give a chip YAML, or use 'engram cost query'");
                return 2;
            }

            var spec = ChipInput.TryLoad(path, error, "cost");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            ChipCostTable.Write(output, spec);
            return 0;
        });
        return command;
    }

    private static Command BuildQuery()
    {
        var profile = new Option<string>("--profile") { Description = $"cost profile: {string.Join(", ", CostLibrary.Profiles)}", Required = true };
        var node = new Option<double>("--node") { Description = "technology node (nm)", Required = true };
        var component = new Option<string>("--component")
        {
            Description = $"a block kind ({string.Join(", ", BlockKinds.All.Select(k => k.Name))}) or a calibration circuit ({string.Join(", ", CostQuery.Components)})",
            Required = true,
        };
        var adcType = new Option<string>("--adc-type") { Description = "ADC type for --component adc: sar, flash, sense_amp", DefaultValueFactory = _ => "sar" };
        var inputs = new Option<int?>("--inputs") { Description = "partial sums per output for --component adder_tree (default 8)" };
        var length = new Option<double>("--length-um") { Description = "wire length per hop for --component interconnect (um; default 100, the shipped chips' assumed hop)", DefaultValueFactory = _ => 100 };
        var vdd = new Option<double>("--vdd-v") { Description = "supply for --component interconnect (V; default 0.85, NeuroSim's 22 nm LSTP supply)", DefaultValueFactory = _ => 0.85 };
        var bits = new Option<int?>("--bits") { Description = "resolution (ADCs, default 5) or width (adder16, dff16)" };
        var rate = new Option<double>("--sample-rate-hz") { Description = "ADC sample rate for the survey profile (S/s)", DefaultValueFactory = _ => SurveyAdcCost.DefaultSampleRateHz };
        var json = new Option<bool>("--json") { Description = "print only {\"energy_j\",\"latency_ps\",\"area_um2\"}" };
        var explain = new Option<bool>("--explain") { Description = "print where each figure comes from (source, formula, node scaling)" };

        var query = new Command("query", "One action of one component: energy (J), latency (ps), area (um^2).")
        {
            profile, node, component, bits, adcType, inputs, length, vdd, rate, json, explain,
        };
        query.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            CostQueryResult result;
            try
            {
                string name = parse.GetValue(component)!;
                result = BlockCostQuery.IsBlockKind(name)
                    ? BlockCostQuery.Run(parse.GetValue(profile)!, parse.GetValue(node), name, parse.GetValue(bits), parse.GetValue(inputs), parse.GetValue(adcType)!, parse.GetValue(rate), parse.GetValue(length), parse.GetValue(vdd))
                    : CostQuery.Run(parse.GetValue(profile)!, parse.GetValue(node), name, parse.GetValue(bits), parse.GetValue(rate));
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"engram cost query: {FirstLine(ex.Message)}");
                return 2;
            }

            if (result.Note.Length > 0)
            {
                error.WriteLine(result.Note);
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    energy_j = result.Cost.EnergyJ,
                    latency_ps = result.Cost.LatencyPs,
                    area_um2 = result.AreaUm2,
                }));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"{result.Component} ({result.Model.Kind}.{result.Action}), profile {result.Model.Profile}, {result.Model.NodeNm:G4} nm"));
                output.WriteLine(string.Create(c, $"  energy   {result.Cost.EnergyJ:G4} J"));
                output.WriteLine(string.Create(c, $"  latency  {result.Cost.LatencyPs:G6} ps"));
                output.WriteLine(string.Create(c, $"  area     {result.AreaUm2:G4} um2"));
                if (result.Model is ComponentCostModel scaled)
                {
                    // Which scaling carried the published figures to this node: NeuroSim's per-node formulas or Stillmaker-Baas.
                    output.WriteLine(string.Create(c, $"  source   {(scaled.IsScaled ? scaled.ScalingNote : string.Create(c, $"published at {scaled.ReferenceNodeNm:G4} nm, no scaling"))}"));
                }
            }

            if (parse.GetValue(explain))
            {
                output.Write(result.Explain());
            }

            return 0;
        });
        return query;
    }

    // ArgumentOutOfRangeException appends "(Parameter ...)" and "Actual value" lines; the first line says it all.
    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        string line = newline < 0 ? message : message[..newline];
        int parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return (parameter < 0 ? line : line[..parameter]).TrimEnd('\r');
    }
}
