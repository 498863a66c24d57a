using System.CommandLine;
using System.Globalization;
using Engram.Components.Arch;
using Engram.Workloads.Recall;
using Engram.Workloads.Reports;
using Engram.Workloads.Traces;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram run CHIP --out DIR</c>: stores P patterns on the chip, recalls each from a corrupted cue, and writes
/// stats.txt, stats.json, breakdown.csv, trace.json and trace.vcd into DIR at once (nothing on failure).
/// </summary>
public static class RunCommand
{
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML (arch/chips/*.yaml)" };
        var schedule = new Option<string?>("--schedule") { Description = "sync | async (default: the chip's controller.schedule)" };
        var rule = new Option<string>("--rule") { Description = "hebb | pinv", DefaultValueFactory = _ => "hebb" };
        var patterns = new Option<int?>("--patterns") { Description = "patterns to store and recall (default max(1, N/16))" };
        var cueFlip = new Option<double>("--cue-flip") { Description = "probability of flipping each cue bit", DefaultValueFactory = _ => 0.05 };
        var seed = new Option<ulong>("--seed") { Description = "master seed", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "output folder (replaced as a whole when the run succeeds)", Required = true };
        var command = new Command("run", "Store patterns on a chip, recall them from corrupted cues, and write stats, breakdown and traces.")
        {
            chip, schedule, rule, patterns, cueFlip, seed, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var spec = ChipInput.TryLoad(parse.GetValue(chip)!, error, "run");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            Schedule chosen;
            RecallSettings settings;
            try
            {
                chosen = ParseSchedule(parse.GetValue(schedule)) ?? spec.Controller.Schedule;
                settings = new RecallSettings(ParseRule(parse.GetValue(rule)!), parse.GetValue(patterns) ?? Math.Max(1, spec.Network.Neurons / 16), parse.GetValue(cueFlip), parse.GetValue(seed));
                settings.Validate(spec.Network.Neurons);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine($"engram run: {ex.Message}");
                return ChipInput.BadInput;
            }

            var (chipModel, outcome) = RecallExperiment.Run(spec, settings, chosen, keepTrace: true);
            var report = RunReport.Build(spec, chipModel, outcome, chosen, settings);
            using (var folder = new OutputFolder(parse.GetValue(outDir)!))
            {
                folder.WriteText("stats.txt", StatsWriter.Text(report.Stats));
                folder.WriteText("stats.json", StatsWriter.Json(report.Stats));
                folder.WriteText("breakdown.csv", BreakdownCsv.Write(chipModel.Ledger.Breakdown(), chipModel.AreaUm2));
                var slices = TraceSlices.FromLedger(chipModel.Ledger);
                using (var json = folder.Create("trace.json"))
                {
                    ChromeTraceWriter.Write(json, spec.Name, slices, chipModel.Sim.Now);
                }

                using (var vcd = new StreamWriter(folder.PathOf("trace.vcd")) { NewLine = "\n" })
                {
                    VcdWriter.Write(vcd, spec.Name, slices, chipModel.Sim.Now);
                }

                folder.Commit();
            }

            report.WriteSummary(output, parse.GetValue(outDir)!);
            return 0;
        });
        return command;
    }

    internal static Schedule? ParseSchedule(string? text) => text switch
    {
        null => null,
        "sync" => Schedule.Sync,
        "async" => Schedule.Async,
        _ => throw new ArgumentException($"--schedule must be sync or async, got '{text}'"),
    };

    internal static WeightRuleKind ParseRule(string text) => text switch
    {
        "hebb" => WeightRuleKind.Hebb,
        "pinv" => WeightRuleKind.Pinv,
        _ => throw new ArgumentException($"--rule must be hebb or pinv, got '{text}'"),
    };
}
