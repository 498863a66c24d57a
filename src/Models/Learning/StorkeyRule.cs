namespace Engram.Models.Learning;

/// <summary>
/// The "Storkey" rule as the He et al. code implements it (<c>HopfiledNetwork.py</c>): one pass over the patterns in order
/// from W = 0, h = W ξ, W ← W + (1/N)(ξ − h)(ξ − h)ᵀ — not the textbook local-field form; then zero diagonal
/// and W / max|W|.
/// </summary>
public sealed class StorkeyRule : IWeightRule
{
    public string Name => "storkey";

    public double[] Learn(double[][] patterns)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        var w = new double[n * n];
        var d = new double[n];
        foreach (var xi in patterns)
        {
            for (int i = 0; i < n; i++)
            {
                double h = 0;
                for (int j = 0; j < n; j++)
                {
                    h += w[(i * n) + j] * xi[j];
                }

                d[i] = xi[i] - h;
            }

            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    w[(i * n) + j] += d[i] * d[j] / n;
                }
            }
        }

        WeightPostProcessing.ZeroDiagonalAndNormalize(w, n);
        return w;
    }
}
