namespace Engram.Models.Learning;

/// <summary>
/// The weights of <see cref="HebbRule"/> computed on demand from the patterns, entry for entry the same doubles
/// (the same products summed in pattern order, the diagonal zero, divided by max |W|), in O(N·P) memory
/// instead of N²: what lets a 16,384-neuron chip be programmed without an extra 2 GB matrix.
/// </summary>
public sealed class HebbWeights : IWeightMatrix
{
    private readonly double[][] _patterns;
    private readonly double _max;

    public HebbWeights(double[][] patterns)
    {
        int n = WeightPostProcessing.CheckPatterns(patterns);
        _patterns = patterns;
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

        double w = 0;
        int n = Inputs;
        foreach (var xi in _patterns)
        {
            w += xi[i] / n * xi[j];
        }

        return w;
    }
}
