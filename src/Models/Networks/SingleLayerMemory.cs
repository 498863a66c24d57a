using System.Numerics.Tensors;

namespace Engram.Models.Networks;

/// <summary>
/// A single-layer recurrent memory: s ← f(W s + b) with f = sign (binary; sign(0) keeps the old state) or
/// tanh (continuous). W is row-major N×N; stuck cells hold their value (0 for the baselines, as in the He et al. code).
/// </summary>
public sealed class SingleLayerMemory : IAssociativeMemory
{
    private readonly double[] _w;
    private readonly double[] _bias;
    private readonly bool[] _stuck;

    public SingleLayerMemory(double[] weights, double[]? bias, bool continuous, bool[]? stuck = null)
    {
        int n = (int)Math.Round(Math.Sqrt(weights.Length));
        if (n * n != weights.Length)
        {
            throw new ArgumentException("weights must be a square N×N matrix", nameof(weights));
        }

        Neurons = n;
        _w = weights;
        _bias = bias ?? new double[n];
        _stuck = stuck ?? new bool[weights.Length];
        Continuous = continuous;
    }

    public int Neurons { get; }

    public bool Continuous { get; }

    public ReadOnlySpan<double> Weights => _w;

    public ReadOnlySpan<double> Bias => _bias;

    public void Step(ReadOnlySpan<double> state, Span<double> next)
    {
        int n = Neurons;
        for (int i = 0; i < n; i++)
        {
            double u = TensorPrimitives.Dot(_w.AsSpan(i * n, n), state) + _bias[i];
            next[i] = NeuronFunctions.Activate(u, state[i], Continuous);
        }
    }

    public IAssociativeMemory WithVariation(double sigma, Random rng)
    {
        if (sigma <= 0)
        {
            return this;
        }

        var w = NeuronFunctions.WithVariation(_w, _stuck, sigma, rng);
        return new SingleLayerMemory(w, _bias, Continuous, _stuck);
    }
}
