namespace Engram.Models.Metrics;

/// <summary>One grid point of a capacity sweep: P stored patterns, mean (and std over trials) of the recall scores.</summary>
public sealed record CapacityPoint(int Patterns, double Similarity, double Exact, double SimilarityStd = 0, double ExactStd = 0);

/// <summary>
/// Recall quality against the number of stored patterns, on a grid of P (docs/associative-memory.md). capacity(τ) is the
/// largest grid P whose mean similarity is ≥ τ for that P and every smaller grid P; 0 when the smallest fails.
/// </summary>
public sealed class CapacityCurve
{
    public CapacityCurve(IEnumerable<CapacityPoint> points)
    {
        Points = [.. points.OrderBy(p => p.Patterns)];
        for (int i = 1; i < Points.Count; i++)
        {
            if (Points[i].Patterns == Points[i - 1].Patterns)
            {
                throw new ArgumentException($"pattern count {Points[i].Patterns} appears twice on the grid");
            }
        }
    }

    public IReadOnlyList<CapacityPoint> Points { get; }

    public int Capacity(double tau) => Threshold(tau, p => p.Similarity);

    /// <summary>The same rule applied to the exact-recall rate instead of the similarity.</summary>
    public int ExactCapacity(double rate) => Threshold(rate, p => p.Exact);

    private int Threshold(double tau, Func<CapacityPoint, double> score)
    {
        int capacity = 0;
        foreach (var point in Points)
        {
            // NaN never passes.
            if (!(score(point) >= tau))
            {
                break;
            }

            capacity = point.Patterns;
        }

        return capacity;
    }
}
