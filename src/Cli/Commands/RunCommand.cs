using System.CommandLine;
using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Scheduling;
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
        var schedule = new Option<string?>("--schedule") { Description = "sync | async | grouped:G (default: the chip's controller.schedule)" };
        var recall = new RecallOptions("max(1, N/16)", n => Math.Max(1, n / 16));
        var outDir = new Option<string>("--out") { Description = "output folder (replaced as a whole when the run succeeds)", Required = true };
        var command = new Command("run", "Store patterns on a chip, recall them from corrupted cues, and write stats, breakdown and traces.")
        {
            chip, schedule, outDir,
        };
        recall.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var spec = ChipInput.TryLoadMemory(parse.GetValue(chip)!, error, "run");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            string chosen;
            RecallSettings settings;
            try
            {
                chosen = ParseSchedule(parse.GetValue(schedule)) ?? spec.Controller.Schedule;
                RecallSchedulers.Parse(chosen);
                settings = recall.Settings(parse, spec.Network.Neurons, spec.Network.Kind, spec.Periphery.Neuron.NeedsGradedInputs);
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

                using (var vcd = folder.CreateText("trace.vcd"))
                {
                    VcdWriter.Write(vcd, spec.Name, slices, chipModel.Sim.Now);
                }

                folder.WriteText(HtmlReport.FileName, FolderReport.Build(folder.PathOf("")).Render());
                folder.Commit();
            }

            report.WriteSummary(output, parse.GetValue(outDir)!);
            return 0;
        });
        return command;
    }

    internal static string? ParseSchedule(string? text) =>
        text is null ? null : RecallSchedulers.Check(text, null) is { } problem ? throw new ArgumentException($"--schedule: {problem}") : text;
}
