using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Capacity;
using Engram.Workloads.Reports;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram capacity --rule R --n N</c>: the capacity protocol of He et al. (docs/associative-memory.md) at one size, for one or more fault
/// rates; prints capacity at τ = 0.99 and 0.95 (by mean similarity and by exact-recall rate) and the curve, and with <c>--out</c> writes it as CSV.
/// <c>--subsets fresh|K</c> redraws the stored subset per trial or K times per P (<see cref="SubsetPlan"/>).
/// </summary>
public static class CapacityCommand
{
    public static Command Build()
    {
        var common = new CapacityOptions();
        var hidden = new Option<int?>("--hidden") { Description = "hidden neurons H of the multilayer net" };
        var n = new Option<int?>("--n") { Description = "neurons N (required without --chip)" };
        var chip = new Option<string?>("--chip") { Description = "recall every cue on this chip (N and H from it); writes chip-costs.csv with the energy and latency per recall" };
        var faults = new Option<string>("--faults") { Description = "stuck-fault rates, comma separated", DefaultValueFactory = _ => "0" };
        var subsets = new Option<string>("--subsets")
        {
            Description = "pattern subsets per P: paper (one subset for all trials, He et al.), fresh (a new subset every trial) or K (K subsets of --trials trials each); writes the spread between subsets",
            DefaultValueFactory = _ => "paper",
        };
        var command = new Command("capacity", "Recall similarity against stored patterns, and the capacity at τ = 0.99 and 0.95.") { hidden, n, faults, chip, subsets };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string rule = parse.GetValue(common.Rule)!;
            CapacityReport report;
            ChipCapacityReport? onChip = null;
            var clock = Stopwatch.StartNew();
            Components.Arch.ChipSpec? spec = null;
            if (parse.GetValue(chip) is { } chipPath)
            {
                spec = ChipInput.TryLoadMemory(chipPath, error, "capacity");
                if (spec is null)
                {
                    return ChipInput.BadInput;
                }
            }

            try
            {
                int neurons = spec?.Network.Neurons ?? parse.GetValue(n) ?? throw new ArgumentException("give --n N, or --chip CHIP");
                if (spec is not null && parse.GetValue(n) is int asked && asked != neurons)
                {
                    throw new ArgumentException($"--n {asked} differs from the chip's N = {neurons}");
                }

                int? hiddenUnits = parse.GetValue(hidden) ?? (spec is { Network.Kind: Components.Arch.NetworkKind.Multilayer } ? spec.Network.Hidden : null);
                var settings = common.Settings(parse, neurons, CapacityOptions.ParseDoubles(parse.GetValue(faults)!, "--faults"));
                var plan = SubsetPlan.Parse(parse.GetValue(subsets)!, settings.Trials);
                var learner = LearnerCatalog.Create(rule, hiddenUnits);
                var display = ProgressDisplay.For(error, parse.GetValue(common.Quiet), "capacity", "grid points");
                int points = plan.Subsets * settings.FaultRates.Count * settings.Grid.Count;
                if (spec is not null)
                {
                    onChip = display.Run(points, 0, tick => SubsetReplicates.RunOnChip(learner, settings, spec, plan, ProgressDisplay.Timed(tick)));
                    report = onChip.Report;
                }
                else
                {
                    report = display.Run(points, 0, tick => SubsetReplicates.Run(learner, settings, plan, ProgressDisplay.Timed(tick)));
                }
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
            {
                error.WriteLine($"engram capacity: {ex.Message}");
                return ChipInput.BadInput;
            }

            if (parse.GetValue(common.Out) is { } outDir)
            {
                using var folder = new OutputFolder(outDir);
                folder.WriteText(CapacityCsv.CurveFileName, CapacityCsv.Curve(report));
                folder.WriteText(CapacityCsv.SummaryFileName, CapacityCsv.Summary(report));
                folder.WriteText(CapacityCsv.SubsetSummaryFileName, CapacityCsv.SubsetSummary(report));
                folder.WriteText(CapacityCsv.SubsetCurveFileName, CapacityCsv.SubsetCurve(report));
                if (onChip is not null)
                {
                    folder.WriteText(CapacityCsv.ChipCostsFileName, CapacityCsv.ChipCosts(onChip));
                }

                folder.WriteText(HtmlReport.FileName, FolderReport.Build(folder.PathOf("")).Render());
                folder.Commit();
            }

            if (parse.GetValue(common.Json))
            {
                output.WriteLine(JsonSerializer.Serialize(report.Runs.Select(r => new
                {
                    rule = report.Rule,
                    n = report.Settings.Neurons,
                    fault_rate = r.FaultRate,
                    capacity_099 = r.Capacity099,
                    capacity_095 = r.Capacity095,
                    curve = r.Curve.Points.Select(p => new { patterns = p.Patterns, similarity = p.Similarity, exact = p.Exact }),
                })));
                return 0;
            }

            WriteSummary(output, report, clock.Elapsed);
            return 0;
        });
        return command;
    }

    private static void WriteSummary(TextWriter output, CapacityReport report, TimeSpan elapsed)
    {
        var s = report.Settings;
        var c = CultureInfo.InvariantCulture;
        string cue = s.Continuous ? string.Create(c, $"Gaussian cue σ {s.CueSigma:G3}") : string.Create(c, $"cue flip {s.CueFlip:G3}");
        int draws = report.Runs[0].SubsetCurves.Count;
        string trials = draws == 1 ? string.Create(c, $"{s.Trials} trials") : string.Create(c, $"{draws} pattern subsets per P × {s.Trials} trials");
        output.WriteLine(string.Create(c, $"capacity: {report.Rule}, N = {s.Neurons}, {CapacityCsv.Name(s.Source)} {(s.Continuous ? "continuous" : "binary")} patterns, {cue}, variation {s.Variation:G3}, {trials}, K = {s.MaxIterations}, seed {s.Seed} ({elapsed.TotalSeconds:F1} s)"));
        foreach (var run in report.Runs)
        {
            output.WriteLine(string.Create(c, $"  fault rate {run.FaultRate,5:G3}: capacity(0.99) = {run.Capacity099,5}   capacity(0.95) = {run.Capacity095,5}   exact-recall capacity(0.99) = {run.ExactCapacity099,5}   (0.95) = {run.ExactCapacity095,5}"));
        }

        output.WriteLine("  mean similarity / exact recall by stored patterns P");
        output.Write(string.Create(c, $"  {"P",6}"));
        foreach (var run in report.Runs)
        {
            output.Write(string.Create(c, $"{"f=" + run.FaultRate.ToString("G3", c),18}"));
        }

        output.WriteLine();
        var points = report.Runs[0].Curve.Points;
        for (int i = 0; i < points.Count; i++)
        {
            output.Write(string.Create(c, $"  {points[i].Patterns,6}"));
            foreach (var run in report.Runs)
            {
                var p = run.Curve.Points[i];
                output.Write(string.Create(c, $"{p.Similarity,11:F4} {p.Exact,6:P0}"));
            }

            output.WriteLine();
        }
    }
}
