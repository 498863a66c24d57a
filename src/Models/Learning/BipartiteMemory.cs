using MathNet.Numerics.LinearAlgebra;

namespace Engram.Models.Learning;

/// <summary>
/// Untrained weights for the N→H→N memory on the chip. The trained <see cref="MultilayerLearner"/> needs a bias
/// per neuron, which the simulated chip has no place for yet, so recall on the chip uses these instead:
/// hidden unit k detects pattern k, W1 row k = gain·ξᵏ/N; the decoder writes patterns back, either with
/// Hebb (W2 = Ξᵀ) or through the inverse pattern correlation (W2 = Ξᵀ C⁺, C = Ξ Ξᵀ / N), which in the
/// linear regime makes the loop the projector of the pseudo-inverse rule. Only min(P, H) patterns fit.
/// </summary>
public static class BipartiteMemory
{
    public static (double[] Encoder, double[] Decoder) Weights(double[][] patterns, int hidden, bool inverseDecoder, double gain = 1)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        int stored = Math.Min(hidden, patterns.Length);
        var x = Matrix<double>.Build.DenseOfRowArrays(patterns.Take(stored));
        var decode = inverseDecoder ? x.Transpose() * (x * x.Transpose() / n).PseudoInverse() : x.Transpose();
        var encoder = new double[hidden * n];
        var decoder = new double[n * hidden];
        for (int k = 0; k < stored; k++)
        {
            for (int i = 0; i < n; i++)
            {
                encoder[(k * n) + i] = gain * patterns[k][i] / n;
                decoder[(i * hidden) + k] = decode[i, k];
            }
        }

        return (encoder, decoder);
    }
}
