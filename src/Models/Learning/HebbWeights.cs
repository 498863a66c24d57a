namespace Engram.Models.Learning;

/// <summary>
/// The weights of <see cref="HebbRule"/> computed on demand from the patterns, entry for entry the same doubles
/// (the same products summed in pattern order, the diagonal zero, divided by max |W|), in O(N·P) memory
/// instead of N²: what lets a 16,384-neuron chip be programmed without an extra 2 GB matrix.
/// </summary>
public sealed class HebbWeights : IWeightMatrix
{
    private readonly double[][] _patterns;
    // ξ_i / N per pattern: the left factor of every product, divided once per neuron instead of once per entry.
    private readonly double[][] _scaled;
    private readonly double _max;

    public HebbWeights(double[][] patterns)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        _patterns = patterns;
        _scaled = [.. patterns.Select(xi => xi.Select(x => x / n).ToArray())];
        Outputs = Inputs = n;
        // max |W| over all N² entries, row by row on the thread pool: a maximum does not depend on the order it is taken in.
        var rowMax = new double[n];
        Parallel.For(0, n, i =>
        {
            double max = 0;
            for (int j = 0; j < n; j++)
            {
                max = Math.Max(max, Math.Abs(Raw(i, j)));
            }

            rowMax[i] = max;
        });
        double max = rowMax.Length == 0 ? 0 : rowMax.Max();
        _max = max;
        MaxMagnitude = max > 0 ? 1.0 : 0.0;
    }

    public int Outputs { get; }

    public int Inputs { get; }

    public double MaxMagnitude { get; }

    public double this[int output, int input] => _max > 0 ? Raw(output, input) / _max : Raw(output, input);

    private double Raw(int i, int j)
    {
        if (i == j)
        {
            return 0;
        }

        // The products of HebbRule, ξ_i / N · ξ_j, summed in pattern order.
        double w = 0;
        for (int p = 0; p < _patterns.Length; p++)
        {
            w += _scaled[p][i] * _patterns[p][j];
        }

        return w;
    }
}
