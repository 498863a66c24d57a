using System.Numerics.Tensors;

namespace Engram.Models.Metrics;

/// <summary>Recall scores (the He et al. protocol; docs/associative-memory.md): cosine similarity to the stored pattern and exact (sign-for-sign) recall.</summary>
public static class RecallMetrics
{
    /// <summary>a·b / (|a| |b|); 0 when either vector is all zero.</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("vectors must have the same length");
        }

        double norms = TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? TensorPrimitives.Dot(a, b) / norms : 0;
    }

    /// <summary>
    /// True when every element of <paramref name="recalled"/> has the sign of <paramref name="pattern"/>'s
    /// (Hamming distance 0 for ±1 patterns; a 0 in either never matches a nonzero sign).
    /// </summary>
    public static bool ExactRecall(ReadOnlySpan<double> recalled, ReadOnlySpan<double> pattern)
    {
        if (recalled.Length != pattern.Length)
        {
            throw new ArgumentException("vectors must have the same length");
        }

        for (int i = 0; i < recalled.Length; i++)
        {
            if (Math.Sign(recalled[i]) != Math.Sign(pattern[i]))
            {
                return false;
            }
        }

        return true;
    }
}
