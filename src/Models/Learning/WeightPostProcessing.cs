namespace Engram.Models.Learning;

/// <summary>The post-processing every classical rule gets in the He et al. code (hnn.md §2.1): zero diagonal, then W / max|W|.</summary>
public static class WeightPostProcessing
{
    public static void ZeroDiagonalAndNormalize(Span<double> weights, int n)
    {
        for (int i = 0; i < n; i++)
        {
            weights[(i * n) + i] = 0;
        }

        double max = 0;
        foreach (double w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        if (max > 0)
        {
            for (int k = 0; k < weights.Length; k++)
            {
                weights[k] /= max;
            }
        }
    }

    public static int CheckPatterns(double[][] patterns)
    {
        if (patterns.Length == 0)
        {
            throw new ArgumentException("at least one pattern is needed", nameof(patterns));
        }

        int n = patterns[0].Length;
        if (n == 0 || patterns.Any(p => p.Length != n))
        {
            throw new ArgumentException("patterns must all have the same non-zero length", nameof(patterns));
        }

        return n;
    }
}
