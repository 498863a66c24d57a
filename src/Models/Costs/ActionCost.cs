namespace Engram.Models.Costs;

/// <summary>The energy and latency of one action of one component.</summary>
public readonly record struct ActionCost(double EnergyJ, double LatencyPs)
{
    public static ActionCost operator +(ActionCost a, ActionCost b) => new(a.EnergyJ + b.EnergyJ, a.LatencyPs + b.LatencyPs);

    public ActionCost Times(double count) => new(EnergyJ * count, LatencyPs);
}
