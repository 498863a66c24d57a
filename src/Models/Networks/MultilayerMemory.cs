using System.Numerics.Tensors;

namespace Engram.Models.Networks;

/// <summary>
/// The N→H(→H…)→N tanh autoencoder loop of He et al. (<c>MultiLayerHNN_beta</c>): h = tanh((W1⊙F1) s + b1), optional extra H×H tanh
/// layers, y = tanh((W2⊙F2) h + b2); binary recall s ← sign(y) (sign(0) keeps the old state), continuous
/// s ← y. Layers are given in forward order; stuck cells hold their stuck value.
/// </summary>
public sealed class MultilayerMemory : IAssociativeMemory
{
    private const int StackLimit = 512;
    private readonly MemoryLayer[] _layers;
    private readonly int _widest;

    public MultilayerMemory(IReadOnlyList<MemoryLayer> layers, bool continuous)
    {
        if (layers.Count < 2)
        {
            throw new ArgumentException("need at least an encoder and a decoder", nameof(layers));
        }

        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].Cols != layers[l - 1].Rows)
            {
                throw new ArgumentException($"layer {l} takes {layers[l].Cols} inputs but layer {l - 1} gives {layers[l - 1].Rows}");
            }
        }

        if (layers[^1].Rows != layers[0].Cols)
        {
            throw new ArgumentException("the decoder must map back to the visible neurons", nameof(layers));
        }

        _layers = [.. layers];
        _widest = _layers.Max(l => l.Rows);
        Neurons = _layers[0].Cols;
        Continuous = continuous;
    }

    public int Neurons { get; }

    public bool Continuous { get; }

    public IReadOnlyList<MemoryLayer> Layers => _layers;

    public void Step(ReadOnlySpan<double> state, Span<double> next)
    {
        int w = _widest;
        Span<double> a = w <= StackLimit ? stackalloc double[w] : new double[w];
        Span<double> b = w <= StackLimit ? stackalloc double[w] : new double[w];
        scoped ReadOnlySpan<double> input = state;
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var output = (l % 2 == 0 ? a : b)[..layer.Rows];
            for (int i = 0; i < layer.Rows; i++)
            {
                output[i] = Math.Tanh(TensorPrimitives.Dot(layer.Weights.AsSpan(i * layer.Cols, layer.Cols), input) + layer.Bias[i]);
            }

            input = output;
        }

        for (int i = 0; i < Neurons; i++)
        {
            double y = input[i];
            next[i] = Continuous ? y : NeuronFunctions.Sign(y, state[i]);
        }
    }

    /// <summary>Each layer's non-stuck weights get σ·max|W_l|·N(0, 1) per cell, drawn layer by layer.</summary>
    public IAssociativeMemory WithVariation(double sigma, Random rng)
    {
        if (sigma <= 0)
        {
            return this;
        }

        var layers = new MemoryLayer[_layers.Length];
        for (int l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var w = NeuronFunctions.WithVariation(layer.Weights, layer.Stuck, sigma, rng);
            layers[l] = new MemoryLayer(layer.Rows, layer.Cols, w, layer.Bias, layer.Stuck);
        }

        return new MultilayerMemory(layers, Continuous);
    }
}
