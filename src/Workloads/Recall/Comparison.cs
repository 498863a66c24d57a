using Engram.Components.Arch;
using Engram.Components.Blocks.Programming;

namespace Engram.Workloads.Recall;

/// <summary>
/// Recall schedules on the same chip, patterns and cues, per recall, each against the synchronous one: energy
/// ratio E_x / E_sync and latency reduction 1 − T_sync / T_x (for x = async, He et al.'s two published figures).
/// The per-iteration figures divide each schedule's energy and latency by its iterations (sweeps) first, so they
/// compare one synchronous iteration with one sweep of N single-neuron updates whatever each needs to converge.
/// </summary>
public sealed record Comparison(int N, int Recalls, IReadOnlyList<ScheduleFigures> Schedules)
{
    /// <summary>The write-verify programming phase before the recalls, or null when the weights were set to target.</summary>
    public ProgrammingResult? Programming { get; init; }

    public ScheduleFigures Sync => Of(Schedule.Sync);

    public ScheduleFigures Async => Of(Schedule.Async);

    /// <summary>E_async / E_sync.</summary>
    public double EnergyRatio => EnergyRatioOf(Async);

    /// <summary>1 − T_sync / T_async.</summary>
    public double LatencyReduction => LatencyReductionOf(Async);

    /// <summary>(E_async / sweeps) / (E_sync / iterations).</summary>
    public double EnergyRatioPerIteration => EnergyRatioPerIterationOf(Async);

    /// <summary>1 − (T_sync / iterations) / (T_async / sweeps).</summary>
    public double LatencyReductionPerIteration => LatencyReductionPerIterationOf(Async);

    public double EnergyRatioOf(ScheduleFigures schedule) => schedule.EnergyJ / Sync.EnergyJ;

    public double EnergyRatioPerIterationOf(ScheduleFigures schedule) => schedule.EnergyPerIterationJ / Sync.EnergyPerIterationJ;

    public double LatencyReductionPerIterationOf(ScheduleFigures schedule) => 1 - (Sync.LatencyPerIterationPs / schedule.LatencyPerIterationPs);

    public double LatencyReductionOf(ScheduleFigures schedule) => 1 - (Sync.LatencyPs / schedule.LatencyPs);

    public ScheduleFigures Of(string schedule) =>
        Schedules.FirstOrDefault(s => s.Schedule == schedule) ?? throw new InvalidOperationException($"schedule '{schedule}' was not run");
}
