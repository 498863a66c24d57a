using Engram.Components.Blocks.Programming;
using Engram.Components.Chips;
using Engram.Models.Metrics;

namespace Engram.Workloads.Recall;

/// <summary>All recalls of one schedule: per-recall results and their means.</summary>
public sealed record RecallOutcome(IReadOnlyList<RecallResult> Recalls, IReadOnlyList<double[]> Stored)
{
    /// <summary>The write-verify programming phase before the recalls, or null when the weights were set to target.</summary>
    public ProgrammingResult? Programming { get; init; }

    public double MeanEnergyJ => Recalls.Average(r => r.EnergyJ);

    public double MeanLatencyPs => Recalls.Average(r => (double)r.LatencyPs);

    public double MeanIterations => Recalls.Average(r => r.Iterations);

    public double MeanUpdates => Recalls.Average(r => (double)r.Updates);

    public double ConvergedFraction => Recalls.Count(r => r.Converged) / (double)Recalls.Count;

    /// <summary>Fraction of recalls whose sign pattern equals the stored pattern exactly.</summary>
    public double ExactFraction => Recalls.Select((r, i) => RecallMetrics.ExactRecall(r.FinalState, Stored[i])).Count(ok => ok) / (double)Recalls.Count;

    /// <summary>Mean cosine similarity between the recalled states and the stored patterns.</summary>
    public double MeanSimilarity => Recalls.Select((r, i) => RecallMetrics.Cosine(r.FinalState, Stored[i])).Average();
}
