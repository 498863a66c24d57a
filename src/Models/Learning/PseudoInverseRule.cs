using MathNet.Numerics.LinearAlgebra;

namespace Engram.Models.Learning;

/// <summary>
/// Pseudo-inverse (projection) rule: C = (1/N) X Xᵀ, W = (1/N) Xᵀ C⁺ X — the projector onto the span of the
/// patterns (Personnaz et al. 1985; the He et al. baseline), then zero diagonal and W / max|W|. C⁺ by SVD, so dependent patterns are fine.
/// </summary>
public sealed class PseudoInverseRule : IWeightRule
{
    public string Name => "pinv";

    public double[] Learn(double[][] patterns)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        var x = Matrix<double>.Build.DenseOfRowArrays(patterns);
        var c = x * x.Transpose() / n;
        var w = x.Transpose() * c.PseudoInverse() * x / n;
        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                result[(i * n) + j] = w[i, j];
            }
        }

        WeightPostProcessing.ZeroDiagonalAndNormalize(result, n);
        return result;
    }
}
