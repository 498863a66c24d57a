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
        double max = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                max = Math.Max(max, Math.Abs(Raw(i, j)));
            }
        }

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
