using System.CommandLine;
using Engram.Components.Arch;
using Engram.Workloads.Recall;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram compare CHIP</c>: recall schedules on one chip with the same patterns and cues — by default
/// synchronous against asynchronous, He et al.'s pair — each reported per recall against the synchronous one.
/// </summary>
public static class CompareCommand
{
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML (arch/chips/*.yaml)" };
        var n = new Option<int?>("--n") { Description = "neurons N (the chip's design, with tiles added until the network fits)" };
        var schedules = new Option<string?>("--schedules") { Description = "comma-separated schedules to compare, e.g. sync,async,grouped:8 (default: sync,async)" };
        var recall = new RecallOptions("4: enough for per-recall means, cheap at large N", _ => 4);
        var json = new Option<bool>("--json") { Description = "print only the JSON result" };
        var outDir = new Option<string?>("--out") { Description = "also write compare.json and report.html into this folder" };
        var command = new Command("compare", "Recall schedules (default: synchronous against asynchronous) on the same chip, patterns and cues.")
        {
            chip, n, schedules, json, outDir,
        };
        recall.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var spec = ChipInput.TryLoadMemory(parse.GetValue(chip)!, error, "compare");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            RecallSettings settings;
            IReadOnlyList<string>? list = null;
            Comparison result;
            try
            {
                if (parse.GetValue(n) is int neurons)
                {
                    spec = ChipLoader.WithNeurons(spec, neurons, ChipLoader.DefaultMemoryBudgetBytes);
                }

                settings = recall.Settings(parse, spec.Network.Neurons, spec.Network.Kind, spec.Periphery.Neuron.NeedsGradedInputs);
                if (parse.GetValue(schedules) is { } text)
                {
                    list = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => RunCommand.ParseSchedule(s)!)];
                    if (list.Count == 0)
                    {
                        throw new ArgumentException("--schedules: give at least one schedule");
                    }
                }

                result = ScheduleComparison.Run(spec, settings, list ?? ScheduleComparison.Default);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"engram compare: {ex.Message}");
                return ChipInput.BadInput;
            }

            if (parse.GetValue(outDir) is { } dir)
            {
                Engram.Workloads.Reports.CompareFiles.Write(dir, spec.Name, settings, result);
            }

            if (list is null)
            {
                ComparisonReport.WritePair(output, spec, settings, result, parse.GetValue(json));
            }
            else
            {
                ComparisonReport.WriteAll(output, spec, settings, result, parse.GetValue(json));
            }

            return 0;
        });
        return command;
    }
}
