using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Capacity;
using Engram.Workloads.Reports;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram scaling --rule R --n n1,n2,..</c>: the capacity protocol at every N, then capacity ∝ N^a fitted in
/// log-log space with a 95 % interval on a (docs/associative-memory.md) over the sizes whose capacity the grid brackets
/// (a capacity at the grid's end is flagged and left out). Exit code 1 when the fit is impossible (a zero capacity, said
/// with the best similarity seen, or fewer than two distinct N left); the interval is null with exactly two sizes.
/// With <c>--chip</c> every recall runs on a chip (<see cref="ChipScalingExperiment"/>): several chips, or one design
/// grown to each <c>--n</c>.
/// </summary>
public static class ScalingCommand
{
    public static Command Build()
    {
        var common = new CapacityOptions();
        var hiddenRatio = new Option<double>("--hidden-ratio") { Description = "multilayer hidden neurons H = ratio·N", DefaultValueFactory = _ => 1.0 };
        var sizes = new Option<string?>("--n") { Description = "sizes N, comma separated (required without --chip; with one --chip, the chip's design grown to each N)" };
        var chips = new Option<string?>("--chip") { Description = "recall on chips: CHIP1,CHIP2,.. (one per size, each at its own N), or one CHIP grown to each --n as compare --n does; writes chip-costs.csv" };
        var fault = new Option<double>("--fault") { Description = "stuck-fault rate", DefaultValueFactory = _ => 0 };
        var tau = new Option<double>("--tau") { Description = "similarity threshold τ of the capacity", DefaultValueFactory = _ => 0.99 };
        var fullCurve = new Option<bool>("--full-curve") { Description = "measure every grid point (default: stop two points after the first P below τ; the capacity is the same)" };
        var extendTo = new Option<int?>("--extend-to") { Description = "when every grid P passes τ, go on with the grid's step up to this P (default 4 × the grid's end with the default grid, none with --grid)" };
        var scheduleN = new Option<int?>("--schedule-n") { Description = "multilayer: scale the schedule's learning rate by min(1, N0/N) (the code's schedule was set at N = 64; default: unscaled)" };
        var refine = new Option<bool>("--refine") { Description = "also measure the P between the capacity C and the first failing grid P at step max(1, C/16)" };
        var command = new Command("scaling", "Capacity against N and its power-law exponent.") { hiddenRatio, sizes, fault, tau, chips, fullCurve, extendTo, scheduleN, refine };
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string rule = parse.GetValue(common.Rule)!;
            double ratio = parse.GetValue(hiddenRatio);
            ScalingReport report;
            ChipScalingReport? onChips = null;
            List<Components.Arch.ChipSpec>? specs = null;
            if (parse.GetValue(chips) is { } chipList)
            {
                specs = [];
                foreach (string path in chipList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (ChipInput.TryLoadMemory(path, error, "scaling") is not { } spec)
                    {
                        return ChipInput.BadInput;
                    }

                    specs.Add(spec);
                }
            }

            try
            {
                if (!(ratio > 0))
                {
                    throw new ArgumentException("--hidden-ratio must be positive");
                }

                if (parse.GetValue(scheduleN) is int n0 && n0 < 1)
                {
                    throw new ArgumentException($"--schedule-n must be at least 1, got {n0}");
                }

                int Hidden(int n) => Math.Max(1, (int)Math.Round(ratio * n));
                double rate = parse.GetValue(fault);
                var display = ProgressDisplay.For(error, parse.GetValue(common.Quiet), "scaling", "sizes");
                if (specs is not null)
                {
                    specs = ChipFamily(specs, parse.GetValue(sizes), Hidden);
                    onChips = display.Run(specs.Count, 0, tick => ChipScalingExperiment.Run(
                        rule,
                        specs,
                        chip => LearnerCatalog.Create(rule, chip.Network.Kind == Components.Arch.NetworkKind.Multilayer ? chip.Network.Hidden : null, parse.GetValue(scheduleN)),
                        n => common.Settings(parse, n, [rate]),
                        parse.GetValue(tau),
                        ProgressDisplay.Timed(tick)));
                    report = onChips.Scaling;
                }
                else
                {
                    var ns = CapacityOptions.ParseInts(parse.GetValue(sizes) ?? throw new ArgumentException("give --n n1,n2,.., or --chip CHIP1,CHIP2,.."), "--n");
                    bool defaultGrid = parse.GetValue(common.Grid) is null;
                    report = display.Run(ns.Length, 0, tick => ScalingExperiment.Run(
                        rule,
                        ns,
                        n => LearnerCatalog.Create(rule, Hidden(n), parse.GetValue(scheduleN)),
                        n => common.Settings(parse, n, [rate]),
                        parse.GetValue(tau),
                        ProgressDisplay.Timed(tick),
                        n => Search(n, defaultGrid, parse.GetValue(fullCurve), parse.GetValue(extendTo)) with { RefineBracket = parse.GetValue(refine) }));
                }
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException)
            {
                error.WriteLine($"engram scaling: {ex.Message}");
                return ChipInput.BadInput;
            }

            if (parse.GetValue(common.Out) is { } outDir)
            {
                using var folder = new OutputFolder(outDir);
                folder.WriteText(CapacityCsv.ScalingFileName, CapacityCsv.Scaling(report));
                folder.WriteText(CapacityCsv.ScalingCurveFileName, CapacityCsv.ScalingCurves(report));
                if (onChips is not null)
                {
                    folder.WriteText(CapacityCsv.ChipCostsFileName, string.Concat(onChips.Chips.Select((c, i) => i == 0 ? CapacityCsv.ChipCosts(c) : CapacityCsv.ChipCosts(c).Split('\n', 2)[1])));
                }

                folder.WriteText(HtmlReport.FileName, FolderReport.Build(folder.PathOf("")).Render());
                folder.Commit();
            }

            var fit = report.Fit;
            if (parse.GetValue(common.Json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    exponent = fit?.Exponent,
                    ci95 = new[] { Finite(fit?.Ci95Low), Finite(fit?.Ci95High) },
                    fit_sizes = report.FitSizes,
                    fit_problem = report.FitProblem,
                    points = report.Points.Select(p => new { n = p.Neurons, capacity = p.Capacity, first_failure = p.Bracket.FirstFailure, grid_end = p.Bracket.GridEnd, clipped = p.Clipped }),
                }));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"scaling: {report.Rule}, capacity at τ = {report.Tau:G3}"));
                foreach (var p in report.Points)
                {
                    output.WriteLine(p.Clipped
                        ? string.Create(c, $"  N = {p.Neurons,6}: capacity ≥ {p.Capacity,6}  (every grid P up to {p.Bracket.GridEnd} passes: clipped at the grid's end, left out of the fit)")
                        : string.Create(c, $"  N = {p.Neurons,6}: capacity {p.Capacity,6}  (first P below τ: {p.Bracket.FirstFailure})"));
                }

                if (fit is not null)
                {
                    string ci = fit.HasInterval ? string.Create(c, $"95 % CI [{fit.Ci95Low:F3}, {fit.Ci95High:F3}]") : "95 % CI undefined with two sizes";
                    output.WriteLine(string.Create(c, $"  capacity ≈ {fit.Prefactor:G4} · N^{fit.Exponent:F3}, {ci}, over N = {string.Join(", ", report.FitSizes)}"));
                }
            }

            if (fit is null)
            {
                error.WriteLine($"engram scaling: no power law: {report.FitProblem}");
                return 1;
            }

            return 0;
        });
        return command;
    }

    // The chips of a scaling run on chips: the chips as given (each at its own N), or one design grown to every --n
    // (tiles added until the network fits, as compare --n does; a multilayer design's hidden layer set to H = ratio·N).
    private static List<Components.Arch.ChipSpec> ChipFamily(List<Components.Arch.ChipSpec> specs, string? sizes, Func<int, int> hidden)
    {
        if (specs.Count == 0)
        {
            throw new ArgumentException("--chip: give at least one chip");
        }

        if (sizes is null)
        {
            return specs;
        }

        if (specs.Count != 1)
        {
            throw new ArgumentException("--n grows one chip design: give a single --chip with --n, or several chips without it");
        }

        var design = specs[0];
        return [.. CapacityOptions.ParseInts(sizes, "--n").Select(n => Components.Arch.ChipLoader.WithNeurons(
            design.Network.Kind == Components.Arch.NetworkKind.Multilayer ? design with { Network = design.Network with { Hidden = hidden(n) } } : design,
            n,
            Components.Arch.ChipLoader.DefaultMemoryBudgetBytes))];
    }

    // The default grid adapts to N: it goes past its end when the capacity reaches it and looks below its start when
    // the first point fails. A grid given with --grid is kept as given unless --extend-to says otherwise.
    private static CapacitySearchOptions Search(int n, bool defaultGrid, bool fullCurve, int? extendTo)
    {
        int gridEnd = CapacitySettings.DefaultGrid(n)[^1];
        return new CapacitySearchOptions(
            FullGrid: fullCurve,
            ExtendTo: extendTo ?? (defaultGrid ? CapacitySearchOptions.DefaultExtension(gridEnd) : null),
            RefineStart: defaultGrid);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
