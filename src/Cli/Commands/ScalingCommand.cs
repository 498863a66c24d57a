using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Capacity;
using Engram.Workloads.Reports;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram scaling --rule R --n n1,n2,..</c>: the capacity protocol at every N, then capacity ∝ N^a fitted in
/// log-log space with a 95 % interval on a (docs/associative-memory.md). Exit code 1 when the fit is impossible (a zero
/// capacity, or fewer than two distinct N); the interval is null with exactly two sizes. With <c>--chip</c> every recall runs
/// on a chip (<see cref="ChipScalingExperiment"/>): several chips, or one design grown to each <c>--n</c>.
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
        var command = new Command("scaling", "Capacity against N and its power-law exponent.") { hiddenRatio, sizes, fault, tau, chips };
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

                int Hidden(int n) => Math.Max(1, (int)Math.Round(ratio * n));
                double rate = parse.GetValue(fault);
                var display = ProgressDisplay.For(error, parse.GetValue(common.Quiet), "scaling", "sizes");
                if (specs is not null)
                {
                    specs = ChipFamily(specs, parse.GetValue(sizes), Hidden);
                    onChips = display.Run(specs.Count, 0, tick => ChipScalingExperiment.Run(
                        rule,
                        specs,
                        chip => LearnerCatalog.Create(rule, chip.Network.Kind == Components.Arch.NetworkKind.Multilayer ? chip.Network.Hidden : null),
                        n => common.Settings(parse, n, [rate]),
                        parse.GetValue(tau),
                        ProgressDisplay.Timed(tick)));
                    report = onChips.Scaling;
                }
                else
                {
                    var ns = CapacityOptions.ParseInts(parse.GetValue(sizes) ?? throw new ArgumentException("give --n n1,n2,.., or --chip CHIP1,CHIP2,.."), "--n");
                    report = display.Run(ns.Length, 0, tick => ScalingExperiment.Run(
                        rule,
                        ns,
                        n => LearnerCatalog.Create(rule, Hidden(n)),
                        n => common.Settings(parse, n, [rate]),
                        parse.GetValue(tau),
                        ProgressDisplay.Timed(tick)));
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
                    points = report.Points.Select(p => new { n = p.Neurons, capacity = p.Capacity }),
                }));
            }
            else
            {
                var c = CultureInfo.InvariantCulture;
                output.WriteLine(string.Create(c, $"scaling: {report.Rule}, capacity at τ = {report.Tau:G3}"));
                foreach (var p in report.Points)
                {
                    output.WriteLine(string.Create(c, $"  N = {p.Neurons,6}: capacity {p.Capacity,6}"));
                }

                if (fit is not null)
                {
                    string ci = fit.HasInterval ? string.Create(c, $"95 % CI [{fit.Ci95Low:F3}, {fit.Ci95High:F3}]") : "95 % CI undefined with two sizes";
                    output.WriteLine(string.Create(c, $"  capacity ≈ {fit.Prefactor:G4} · N^{fit.Exponent:F3}, {ci}"));
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

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
