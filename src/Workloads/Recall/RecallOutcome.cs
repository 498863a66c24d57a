using Engram.Components.Chips;

namespace Engram.Workloads.Recall;

/// <summary>All recalls of one schedule: per-recall results and their means.</summary>
public sealed record RecallOutcome(IReadOnlyList<RecallResult> Recalls, IReadOnlyList<double[]> Stored)
{
    public double MeanEnergyJ => Recalls.Average(r => r.EnergyJ);

    public double MeanLatencyPs => Recalls.Average(r => (double)r.LatencyPs);

    public double MeanIterations => Recalls.Average(r => r.Iterations);

    public double ConvergedFraction => Recalls.Count(r => r.Converged) / (double)Recalls.Count;

    /// <summary>Fraction of recalls whose sign pattern equals the stored pattern exactly.</summary>
    public double ExactFraction => Recalls.Select((r, i) => Enumerable.Range(0, r.FinalState.Length).All(k => Math.Sign(r.FinalState[k]) == Math.Sign(Stored[i][k]))).Count(ok => ok) / (double)Recalls.Count;

    /// <summary>Mean cosine similarity between the recalled states and the stored patterns.</summary>
    public double MeanSimilarity => Recalls.Select((r, i) => Cosine(r.FinalState, Stored[i])).Average();

    private static double Cosine(double[] a, double[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < a.Length; k++)
        {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
