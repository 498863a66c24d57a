namespace Engram.Workloads.Recall;

/// <summary>Per-recall means of one schedule, with energy per block kind.</summary>
/// <param name="Iterations">Mean synchronous iterations, or sweeps of N updates, per recall (the last one included).</param>
public sealed record ScheduleFigures(string Schedule, double EnergyJ, double LatencyPs, double Iterations, double ExactFraction, IReadOnlyDictionary<string, double> EnergyByKindJ)
{
    /// <summary>Mean cosine similarity of the recalled states to the stored patterns.</summary>
    public double MeanSimilarity { get; init; }

    /// <summary>Mean neuron updates per recall (N per iteration or sweep).</summary>
    public double Updates { get; init; }

    /// <summary>Energy of one iteration (sweep): all recalls' energy over all their iterations.</summary>
    public double EnergyPerIterationJ => EnergyJ / Iterations;

    /// <summary>Latency of one iteration (sweep): all recalls' time over all their iterations.</summary>
    public double LatencyPerIterationPs => LatencyPs / Iterations;
}
