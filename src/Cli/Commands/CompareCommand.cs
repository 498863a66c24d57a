using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engram.Components.Arch;
using Engram.Workloads.Recall;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram compare CHIP</c>: both schedules on one chip with the same patterns and cues; prints
/// E_async / E_sync and 1 − T_sync / T_async per recall, with energy per component kind.
/// </summary>
public static class CompareCommand
{
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML (arch/chips/*.yaml)" };
        var n = new Option<int?>("--n") { Description = "neurons N (the chip's design, with tiles added until the network fits)" };
        var recall = new RecallOptions("4: enough for per-recall means, cheap at large N", _ => 4);
        var json = new Option<bool>("--json") { Description = "print only the JSON result" };
        var outDir = new Option<string?>("--out") { Description = "also write compare.json and report.html into this folder" };
        var command = new Command("compare", "Synchronous against asynchronous recall on the same chip, patterns and cues.")
        {
            chip, n, json, outDir,
        };
        recall.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var spec = ChipInput.TryLoad(parse.GetValue(chip)!, error, "compare");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            RecallSettings settings;
            try
            {
                if (parse.GetValue(n) is int neurons)
                {
                    spec = ChipLoader.WithNeurons(spec, neurons, ChipLoader.DefaultMemoryBudgetBytes);
                }

                settings = recall.Settings(parse, spec.Network.Neurons);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"engram compare: {ex.Message}");
                return ChipInput.BadInput;
            }

            var result = ScheduleComparison.Run(spec, settings);
            if (parse.GetValue(outDir) is { } dir)
            {
                Engram.Workloads.Reports.CompareFiles.Write(dir, spec.Name, settings, result);
            }

            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    n = result.N,
                    sync = new { energy_j = result.Sync.EnergyJ, latency_ps = result.Sync.LatencyPs, iterations = result.Sync.Iterations },
                    async = new { energy_j = result.Async.EnergyJ, latency_ps = result.Async.LatencyPs, iterations = result.Async.Iterations },
                    energy_ratio = result.EnergyRatio,
                    latency_reduction = result.LatencyReduction,
                }));
                return 0;
            }

            var c = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(c, $"{spec.Name}: N = {result.N}, {result.Recalls} recalls per schedule ({settings.Rule.ToString().ToLowerInvariant()}, cue flip {settings.CueFlip:G3}, seed {settings.Seed}), per recall"));
            output.WriteLine(string.Create(c, $"  {"",-22}{"sync",14}{"async",14}"));
            output.WriteLine(string.Create(c, $"  {"energy (pJ)",-22}{result.Sync.EnergyJ * 1e12,14:F3}{result.Async.EnergyJ * 1e12,14:F3}"));
            output.WriteLine(string.Create(c, $"  {"latency (ns)",-22}{result.Sync.LatencyPs / 1e3,14:F3}{result.Async.LatencyPs / 1e3,14:F3}"));
            output.WriteLine(string.Create(c, $"  {"iterations / sweeps",-22}{result.Sync.Iterations,14:F2}{result.Async.Iterations,14:F2}"));
            output.WriteLine(string.Create(c, $"  {"exact recall",-22}{result.Sync.ExactFraction,14:P0}{result.Async.ExactFraction,14:P0}"));
            output.WriteLine("  energy by component (pJ)");
            foreach (var kind in result.Sync.EnergyByKindJ.Keys.Union(result.Async.EnergyByKindJ.Keys).Order(StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(c, $"    {kind,-20}{result.Sync.EnergyByKindJ.GetValueOrDefault(kind) * 1e12,14:F3}{result.Async.EnergyByKindJ.GetValueOrDefault(kind) * 1e12,14:F3}"));
            }

            output.WriteLine(string.Create(c, $"  energy ratio E_async/E_sync      {result.EnergyRatio:F2}x   (He et al., N = 64: 8.8x)"));
            output.WriteLine(string.Create(c, $"  latency reduction 1-T_sync/T_async {result.LatencyReduction:P2} (He et al., N = 64: 99.7 %)"));
            return 0;
        });
        return command;
    }
}
