namespace Engram.Workloads.Recall;

/// <summary>Per-recall means of one schedule, with energy per block kind.</summary>
public sealed record ScheduleFigures(string Schedule, double EnergyJ, double LatencyPs, double Iterations, double ExactFraction, IReadOnlyDictionary<string, double> EnergyByKindJ)
{
    /// <summary>Mean cosine similarity of the recalled states to the stored patterns.</summary>
    public double MeanSimilarity { get; init; }
}
