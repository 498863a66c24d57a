using System.Globalization;
using Engram.Components.Arch;
using Engram.Workloads.Recall;

namespace Engram.Workloads.Sweeps;

/// <summary>The <c>compare</c> workload: both schedules on the point's chip (as <c>engram compare</c>), per recall.</summary>
public sealed class CompareWorkload : SweepWorkload
{
    public static readonly IReadOnlyDictionary<string, string> AllMetrics = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sync_energy_j"] = "J",
        ["sync_latency_ps"] = "ps",
        ["sync_iterations"] = "",
        ["sync_updates"] = "",
        ["sync_energy_per_iteration_j"] = "J",
        ["sync_latency_per_iteration_ps"] = "ps",
        ["sync_exact"] = "",
        ["async_energy_j"] = "J",
        ["async_latency_ps"] = "ps",
        ["async_iterations"] = "",
        ["async_updates"] = "",
        ["async_energy_per_iteration_j"] = "J",
        ["async_latency_per_iteration_ps"] = "ps",
        ["async_exact"] = "",
        ["energy_ratio"] = "",
        ["latency_reduction"] = "",
        ["energy_ratio_per_iteration"] = "",
        ["latency_reduction_per_iteration"] = "",
        ["area_um2"] = "um2",
    };

    public CompareWorkload(WeightRuleKind rule, int? patterns, double cueFlip, ulong seed)
    {
        Rule = rule;
        Patterns = patterns;
        CueFlip = cueFlip;
        Seed = seed;
    }

    public WeightRuleKind Rule { get; }

    /// <summary>Patterns stored and recalled; null means <c>engram compare</c>'s default, min(4, N).</summary>
    public int? Patterns { get; }

    public double CueFlip { get; }

    public ulong Seed { get; }

    public override string Kind => "compare";

    public override IReadOnlyDictionary<string, string> Metrics => AllMetrics;

    public override string Canonical => string.Create(CultureInfo.InvariantCulture,
        $"compare rule={Rule} patterns={Patterns?.ToString(CultureInfo.InvariantCulture) ?? "default"} cue_flip={CueFlip:R} seed={Seed}");

    public override void Check(ChipSpec chip) => Settings(chip).Validate(chip.Network.Neurons);

    public override IReadOnlyDictionary<string, double> Run(ChipSpec chip, int threads)
    {
        var result = ScheduleComparison.Run(chip, Settings(chip));
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["sync_energy_j"] = result.Sync.EnergyJ,
            ["sync_latency_ps"] = result.Sync.LatencyPs,
            ["sync_iterations"] = result.Sync.Iterations,
            ["sync_updates"] = result.Sync.Updates,
            ["sync_energy_per_iteration_j"] = result.Sync.EnergyPerIterationJ,
            ["sync_latency_per_iteration_ps"] = result.Sync.LatencyPerIterationPs,
            ["sync_exact"] = result.Sync.ExactFraction,
            ["async_energy_j"] = result.Async.EnergyJ,
            ["async_latency_ps"] = result.Async.LatencyPs,
            ["async_iterations"] = result.Async.Iterations,
            ["async_updates"] = result.Async.Updates,
            ["async_energy_per_iteration_j"] = result.Async.EnergyPerIterationJ,
            ["async_latency_per_iteration_ps"] = result.Async.LatencyPerIterationPs,
            ["async_exact"] = result.Async.ExactFraction,
            ["energy_ratio"] = result.EnergyRatio,
            ["latency_reduction"] = result.LatencyReduction,
            ["energy_ratio_per_iteration"] = result.EnergyRatioPerIteration,
            ["latency_reduction_per_iteration"] = result.LatencyReductionPerIteration,
            ["area_um2"] = AreaUm2(chip),
        };
    }

    private RecallSettings Settings(ChipSpec chip) =>
        new(Rule, Patterns ?? Math.Min(4, chip.Network.Neurons), CueFlip, Seed);
}
