using System.Globalization;
using System.Text.Json;
using Engram.Components.Arch;
using Engram.Workloads.Recall;

namespace Engram.Cli.Commands;

/// <summary>What <c>engram compare</c> prints: the published pair (sync, async) or any list of schedules against sync.</summary>
internal static class ComparisonReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void WritePair(TextWriter output, ChipSpec spec, RecallSettings settings, Comparison result, bool json)
    {
        if (json)
        {
            output.WriteLine(result.Programming is null
                ? JsonSerializer.Serialize(new
                {
                    n = result.N,
                    sync = Figures(result.Sync),
                    async = Figures(result.Async),
                    energy_ratio = result.EnergyRatio,
                    latency_reduction = result.LatencyReduction,
                    energy_ratio_per_iteration = result.EnergyRatioPerIteration,
                    latency_reduction_per_iteration = result.LatencyReductionPerIteration,
                })
                : JsonSerializer.Serialize(new
                {
                    n = result.N,
                    sync = Figures(result.Sync),
                    async = Figures(result.Async),
                    energy_ratio = result.EnergyRatio,
                    latency_reduction = result.LatencyReduction,
                    energy_ratio_per_iteration = result.EnergyRatioPerIteration,
                    latency_reduction_per_iteration = result.LatencyReductionPerIteration,
                    program = Programming(result),
                }));
            return;
        }

        Header(output, spec, settings, result);
        Table(output, [result.Sync, result.Async], settings.Continuous);
        output.WriteLine(string.Create(C, $"  energy ratio E_async/E_sync      {result.EnergyRatio:F2}x   (He et al., N = 64: 8.8x)"));
        output.WriteLine(string.Create(C, $"  latency reduction 1-T_sync/T_async {result.LatencyReduction:P2} (He et al., N = 64: 99.7 %)"));
        output.WriteLine(string.Create(C, $"  per iteration (sweep): energy ratio {result.EnergyRatioPerIteration:F2}x, latency reduction {result.LatencyReductionPerIteration:P2}"));
        WriteProgramming(output, result);
    }

    public static void WriteAll(TextWriter output, ChipSpec spec, RecallSettings settings, Comparison result, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                n = result.N,
                recalls = result.Recalls,
                schedules = result.Schedules.Select(s => new
                {
                    schedule = s.Schedule,
                    energy_j = s.EnergyJ,
                    latency_ps = s.LatencyPs,
                    iterations = s.Iterations,
                    exact = s.ExactFraction,
                    updates = s.Updates,
                    energy_per_iteration_j = s.EnergyPerIterationJ,
                    latency_per_iteration_ps = s.LatencyPerIterationPs,
                    energy_ratio_vs_sync = result.EnergyRatioOf(s),
                    latency_reduction_vs_sync = result.LatencyReductionOf(s),
                    energy_ratio_per_iteration_vs_sync = result.EnergyRatioPerIterationOf(s),
                    latency_reduction_per_iteration_vs_sync = result.LatencyReductionPerIterationOf(s),
                }),
                program = result.Programming is null ? null : Programming(result),
            }));
            return;
        }

        Header(output, spec, settings, result);
        Table(output, result.Schedules, settings.Continuous);
        foreach (var s in result.Schedules.Where(s => s.Schedule != Schedule.Sync))
        {
            output.WriteLine(string.Create(C, $"  {s.Schedule,-12} E/E_sync {result.EnergyRatioOf(s),10:F2}x   1-T_sync/T {result.LatencyReductionOf(s),9:P2}"));
        }

        WriteProgramming(output, result);
    }

    private static object Figures(ScheduleFigures s) => new
    {
        energy_j = s.EnergyJ,
        latency_ps = s.LatencyPs,
        iterations = s.Iterations,
        updates = s.Updates,
        energy_per_iteration_j = s.EnergyPerIterationJ,
        latency_per_iteration_ps = s.LatencyPerIterationPs,
    };

    private static object Programming(Comparison result)
    {
        var p = result.Programming!;
        return new { energy_j = p.EnergyJ, latency_ps = p.LatencyPs, pulses = p.Pulses, verify_reads = p.VerifyReads, unconverged = p.Unconverged };
    }

    private static void Header(TextWriter output, ChipSpec spec, RecallSettings settings, Comparison result) =>
        output.WriteLine(string.Create(C, $"{spec.Name}: N = {result.N}, {result.Recalls} recalls per schedule ({settings.Rule.ToString().ToLowerInvariant()}, cue flip {settings.CueFlip:G3}, seed {settings.Seed}), per recall"));

    private static void Table(TextWriter output, IReadOnlyList<ScheduleFigures> schedules, bool continuous)
    {
        string Row(string label, Func<ScheduleFigures, string> cell) => $"  {label,-22}" + string.Concat(schedules.Select(s => cell(s).PadLeft(14)));
        output.WriteLine(Row("", s => s.Schedule));
        output.WriteLine(Row("energy (pJ)", s => string.Create(C, $"{s.EnergyJ * 1e12:F3}")));
        output.WriteLine(Row("latency (ns)", s => string.Create(C, $"{s.LatencyPs / 1e3:F3}")));
        output.WriteLine(Row("iterations / sweeps", s => string.Create(C, $"{s.Iterations:F2}")));
        output.WriteLine(Row("exact recall", s => string.Create(C, $"{s.ExactFraction:P0}")));
        if (continuous)
        {
            // Graded states are rarely equal to the pattern: the similarity is the measure.
            output.WriteLine(Row("similarity", s => string.Create(C, $"{s.MeanSimilarity:F4}")));
        }

        output.WriteLine("  energy by component (pJ)");
        foreach (var kind in schedules.SelectMany(s => s.EnergyByKindJ.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            output.WriteLine($"    {kind,-20}" + string.Concat(schedules.Select(s => string.Create(C, $"{s.EnergyByKindJ.GetValueOrDefault(kind) * 1e12:F3}").PadLeft(14))));
        }
    }

    private static void WriteProgramming(TextWriter output, Comparison result)
    {
        if (result.Programming is { } p)
        {
            output.WriteLine(string.Create(C, $"  programming (write-verify, once before the recalls) {p.EnergyJ * 1e12:F3} pJ, {p.LatencyPs / 1e3:F3} ns: {p.Pulses} pulses, {p.VerifyReads} verify reads, {p.Unconverged} cells outside tolerance"));
        }
    }
}
