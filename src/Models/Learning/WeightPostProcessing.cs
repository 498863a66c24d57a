using System.Numerics.Tensors;

namespace Engram.Models.Learning;

/// <summary>The post-processing every classical rule gets in the He et al. code (<c>HopfiledNetwork.py</c>): zero diagonal, then W / max|W|.</summary>
public static class WeightPostProcessing
{
    public static void ZeroDiagonalAndNormalize(Span<double> weights, int n)
    {
        for (int i = 0; i < n; i++)
        {
            weights[(i * n) + i] = 0;
        }

        double max = Math.Abs(TensorPrimitives.MaxMagnitude(weights));
        if (max > 0)
        {
            TensorPrimitives.Divide(weights, max, weights);
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
