using System.Globalization;
using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Blocks;

/// <summary>
/// What a block needs to resolve its figures from the description alone: the chip's cost profile at its node,
/// the YAML's <c>costs:</c> overrides, and the clock each block kind runs on (latencies become whole cycles of
/// it). No simulation and no device arrays: <c>engram area</c> and <c>engram cost</c> use it directly.
/// </summary>
public sealed class CostContext(ChipSpec spec)
{
    public ChipSpec Spec { get; } = spec;

    public CostLibrary Library { get; } = new(spec.CostProfile, spec.Technology.NodeNm);

    /// <summary>Where a profile figure comes from, as the cost table prints it.</summary>
    public string ProfileSource => string.Create(CultureInfo.InvariantCulture, $"{Spec.CostProfile} at {Spec.Technology.NodeNm:G4} nm");

    public CostOverride? Override(string kind) => Spec.CostOverrides.TryGetValue(kind, out var o) ? o : null;

    public double Energy(string kind, double profileJ) => FixedEnergy(kind) ?? profileJ;

    /// <summary>A user-fixed energy per action of <paramref name="kind"/>, or null when the profile's model applies.</summary>
    public double? FixedEnergy(string kind) => Override(kind)?.EnergyJ;

    public double Latency(string kind, double profilePs) => Override(kind)?.LatencyPs ?? profilePs;

    public double Area(string kind, double profileUm2) => Override(kind)?.AreaUm2 ?? profileUm2;

    public string Source(string kind, string profileSource) => Override(kind) is { } o ? $"override: {o.Source}" : profileSource;

    public long PeriodPs(string kind) => Spec.Clock.PeriodOf(kind);

    /// <summary>
    /// One action of a profile cost model as <paramref name="kind"/> charges it: its energy and its whole cycles, each
    /// replaced by the <c>costs.&lt;kind&gt;</c> figure when the YAML gives one.
    /// </summary>
    public (double EnergyJ, int Cycles) Action(string kind, IComponentCostModel model, string action)
    {
        var cost = model.Cost(action);
        return (Energy(kind, cost.EnergyJ), Cycles(kind, Latency(kind, cost.LatencyPs)));
    }

    /// <summary>Whole cycles of <paramref name="kind"/>'s clock covering <paramref name="latencyPs"/> (0 stays 0).</summary>
    public int Cycles(string kind, double latencyPs) =>
        latencyPs <= 0 ? 0 : checked((int)Math.Ceiling((latencyPs / PeriodPs(kind)) - 1e-9));
}
