namespace Engram.Models.Learning;

/// <summary>Hebb: W = (1/N) Σ_μ ξ^μ ξ^μᵀ, then zero diagonal and W / max|W| (He et al. code, <c>HopfiledNetwork.py</c>).</summary>
public sealed class HebbRule : IWeightRule
{
    public string Name => "hebb";

    public double[] Learn(double[][] patterns)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        var w = new double[n * n];
        foreach (var xi in patterns)
        {
            for (int i = 0; i < n; i++)
            {
                double xiI = xi[i] / n;
                var row = w.AsSpan(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    row[j] += xiI * xi[j];
                }
            }
        }

        WeightPostProcessing.ZeroDiagonalAndNormalize(w, n);
        return w;
    }
}
