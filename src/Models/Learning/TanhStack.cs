using System.Numerics.Tensors;
using Engram.Models.Networks;
using Engram.Models.Devices;

namespace Engram.Models.Learning;

/// <summary>
/// Full-batch training of a stack of masked tanh layers on the autoencoding loss
/// L = mean((f(X) − X)²) over batch × N, with exact backpropagation. Frozen cells get zero gradient, so
/// they keep their fixed value. All buffers are allocated up front; an epoch allocates nothing.
/// A one-layer stack may run its products in float32 (<see cref="SinglePrecisionPass"/>); otherwise everything is double.
/// </summary>
internal sealed class TanhStack
{
    private readonly double[] _x;
    private readonly int _batch;
    private readonly int _n;
    private readonly SinglePrecisionPass? _single;

    /// <param name="singlePrecision">Run the P·N² products of a one-layer stack in float32 (ignored for deeper stacks).</param>
    public TanhStack(double[][] patterns, IReadOnlyList<MaskedTanhLayer> layers, bool singlePrecision = false)
    {
        _batch = patterns.Length;
        _n = patterns[0].Length;
        _x = new double[_batch * _n];
        for (int mu = 0; mu < _batch; mu++)
        {
            if (patterns[mu].Length != _n)
            {
                throw new ArgumentException("patterns differ in length", nameof(patterns));
            }

            patterns[mu].CopyTo(_x, mu * _n);
        }

        Layers = [.. layers];
        if (Layers[0].Cols != _n || Layers[^1].Rows != _n)
        {
            throw new ArgumentException("the stack must map N visible neurons back to N");
        }

        if (singlePrecision && Layers.Length == 1)
        {
            _single = new SinglePrecisionPass(_x, _batch, Layers[0]);
        }
    }

    public MaskedTanhLayer[] Layers { get; }

    /// <summary>
    /// Trains for up to <paramref name="maxEpochs"/> epochs (stopping after the step whose loss is below
    /// <paramref name="earlyStop"/>) and returns the loss of every epoch, measured before its step.
    /// </summary>
    public double[] Train(IOptimizer optimizer, int maxEpochs, double earlyStop, double noiseLevel, Random rng)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseLevel);
        foreach (var layer in Layers)
        {
            layer.Compact.Load(layer.Weights);
            layer.WeightState = optimizer.CreateState(layer.Compact.Values.Length);
            layer.BiasState = optimizer.CreateState(layer.Bias.Length);
        }

        var losses = new double[maxEpochs];
        int epoch = 0;
        if (_single is not null && noiseLevel == 0)
        {
            // Without weight noise W_eff only changes where the optimizer steps, so the float32 pass keeps it between epochs.
            SetEffective(Layers[0], 0, null);
            epoch = _single.Train(Layers[0], optimizer, losses, earlyStop);
            return epoch == maxEpochs ? losses : losses[..epoch];
        }

        while (epoch < maxEpochs)
        {
            double loss = LossAndGradients(noiseLevel, rng);
            losses[epoch++] = loss;
            foreach (var layer in Layers)
            {
                layer.Compact.LoadGradient(layer.WeightGradient);
                optimizer.Step(layer.Compact.Values, layer.Compact.Gradient, layer.WeightState!);
                layer.Compact.Store(layer.Weights);
                optimizer.Step(layer.Bias, layer.BiasGradient, layer.BiasState!);
            }

            if (loss < earlyStop)
            {
                break;
            }
        }

        return epoch == maxEpochs ? losses : losses[..epoch];
    }

    /// <summary>One forward and backward pass over the whole batch; fills every layer's gradients.</summary>
    public double LossAndGradients(double noiseLevel = 0, Random? rng = null)
    {
        if (_single is not null)
        {
            var only = Layers[0];
            SetEffective(only, noiseLevel, rng);
            double singleLoss = _single.LossAndGradients(only);
            TensorPrimitives.Multiply(only.WeightGradient, only.Trainable, only.WeightGradient);
            return singleLoss;
        }

        // Forward.
        ReadOnlySpan<double> input = _x;
        int inWidth = _n;
        foreach (var layer in Layers)
        {
            SetEffective(layer, noiseLevel, rng);
            Transpose(layer.Effective, layer.EffectiveTransposed, layer.Rows, layer.Cols);
            var output = layer.Output.AsSpan();
            for (int mu = 0; mu < _batch; mu++)
            {
                layer.Bias.CopyTo(output.Slice(mu * layer.Rows, layer.Rows));
            }

            // Z = b + X · W_effᵀ, all patterns at once.
            DenseProduct<double>.MultiplyAccumulate(_batch, inWidth, layer.Rows, input, inWidth, 1, layer.EffectiveTransposed, output);
            TensorPrimitives.Tanh(output, output);

            input = output;
            inWidth = layer.Rows;
        }

        // Loss and its gradient with respect to the last activations, then through tanh.
        var last = Layers[^1];
        double scale = 1.0 / (_batch * _n);
        double sum = 0;
        for (int k = 0; k < _x.Length; k++)
        {
            double y = last.Output[k];
            double d = y - _x[k];
            sum += d * d;
            last.Delta[k] = 2 * d * scale * (1 - (y * y));
        }

        // Backward.
        for (int l = Layers.Length - 1; l >= 0; l--)
        {
            var layer = Layers[l];
            double[] layerInput = l == 0 ? _x : Layers[l - 1].Output;
            int rows = layer.Rows;
            int cols = layer.Cols;
            var gw = layer.WeightGradient.AsSpan();
            var gb = layer.BiasGradient.AsSpan();
            gw.Clear();
            gb.Clear();
            // ∂L/∂W = Δᵀ · X (rows × cols); Δᵀ is read through strides, not copied.
            DenseProduct<double>.MultiplyAccumulate(rows, _batch, cols, layer.Delta, 1, rows, layerInput, gw);
            for (int mu = 0; mu < _batch; mu++)
            {
                TensorPrimitives.Add(gb, layer.Delta.AsSpan(mu * rows, rows), gb);
            }

            TensorPrimitives.Multiply(gw, layer.Trainable, gw);

            if (l > 0)
            {
                var below = Layers[l - 1];
                var belowDelta = below.Delta.AsSpan();
                var belowOut = below.Output;
                belowDelta.Clear();

                // Δ_below = (Δ · W_eff) ⊙ (1 − h²).
                DenseProduct<double>.MultiplyAccumulate(_batch, rows, cols, layer.Delta, rows, 1, layer.Effective, belowDelta);
                for (int mu = 0; mu < _batch; mu++)
                {
                    var target = belowDelta.Slice(mu * cols, cols);
                    for (int j = 0; j < cols; j++)
                    {
                        double h = belowOut[(mu * cols) + j];
                        target[j] *= 1 - (h * h);
                    }
                }
            }
        }

        return sum * scale;
    }

    private static void SetEffective(MaskedTanhLayer layer, double noiseLevel, Random? rng)
    {
        var weff = layer.Effective;
        if (noiseLevel > 0 && rng != null)
        {
            for (int k = 0; k < weff.Length; k++)
            {
                double w = layer.Weights[k] + (noiseLevel * StandardNormal.Sample(rng));
                weff[k] = (w * layer.Trainable[k]) + layer.Fixed[k];
            }
        }
        else
        {
            TensorPrimitives.FusedMultiplyAdd(layer.Weights, layer.Trainable, layer.Fixed, weff);
        }
    }

    private static void Transpose(double[] source, double[] target, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                target[(j * rows) + i] = source[(i * cols) + j];
            }
        }
    }
}
