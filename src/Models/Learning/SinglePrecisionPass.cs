using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engram.Models.Learning;

/// <summary>
/// The forward and backward pass of a one-layer tanh autoencoder with its two P·N² products in float32
/// (twice the lanes of double, as PyTorch trains it), while master weights, bias and optimizer state stay in
/// double. All buffers are allocated once, so a pass allocates nothing.
/// <para>
/// Activations live transposed (N × P̂, P̂ = P rounded up to whole vectors): Zᵀ = W_eff · Xᵀ reads W_eff as
/// it is, so no per-epoch transpose, and the pattern axis — the kernels' vector axis — has no scalar tail.
/// Padding patterns are zero, and their δ is forced to zero, so they add exact zeros to every gradient.
/// tanh (<see cref="FastTanh"/>), the loss, δ and the bias gradient are one pass over Zᵀ.
/// </para>
/// <para>
/// <see cref="Train"/> keeps W_eff in float32 between epochs: the optimizer steps the packed trainable cells
/// (<see cref="TrainableSubset"/>) from the float32 gradient gathered at their positions and writes them back as
/// float32; frozen cells never change. That is the same arithmetic as rebuilding W_eff = W ⊙ M + F in double and
/// narrowing it every epoch, without the four N² passes.
/// </para>
/// </summary>
internal sealed class SinglePrecisionPass
{
    private readonly float[] _xT;       // N × P̂, padding columns zero
    private readonly float[] _valid;    // N × P̂: 1 for a real pattern, 0 for padding
    private readonly float[] _weights;  // N × N, W_eff
    private readonly float[] _bias;     // N
    private readonly float[] _zT;       // N × P̂ pre-activations
    private readonly float[] _deltaT;   // N × P̂ loss gradient wrt pre-activations
    private readonly int[] _index;      // the trainable cells, row-major ascending (TrainableSubset order)
    private readonly float[] _gradient; // ∂L/∂W at the trainable cells only, in _index order
    private readonly float[] _biasGradient; // N
    private readonly int[] _groupDelta; // per group of ≤ 8 cells of one row: that row's offset in Δᵀ
    private readonly int[] _groupX;     // per group, eight Xᵀ row offsets (the cells' columns)
    private readonly int[] _groupFirst; // per group, its first cell; one extra entry closes the last group
    private readonly int _batch;
    private readonly int _padded;
    private readonly int _n;

    public SinglePrecisionPass(ReadOnlySpan<double> x, int batch, MaskedTanhLayer layer)
    {
        int n = layer.Cols;
        int width = Vector256<float>.Count;
        _batch = batch;
        _n = n;
        _padded = (batch + width - 1) / width * width;
        _xT = new float[n * _padded];
        _valid = new float[n * _padded];
        for (int mu = 0; mu < batch; mu++)
        {
            for (int j = 0; j < n; j++)
            {
                float v = (float)x[(mu * n) + j];
                _xT[(j * _padded) + mu] = v;
                _valid[(j * _padded) + mu] = 1;
            }
        }

        _weights = new float[n * n];
        _bias = new float[n];
        _zT = new float[n * _padded];
        _deltaT = new float[n * _padded];
        _index = layer.Compact.Index.ToArray();
        _gradient = new float[_index.Length];
        _biasGradient = new float[n];

        // Each row's trainable cells in groups of eight; a short last group repeats its last cell, whose extra sums are dropped.
        var deltaRow = new List<int>();
        var xRows = new List<int>();
        var first = new List<int>();
        for (int t = 0; t < _index.Length;)
        {
            int row = _index[t] / n;
            int count = 0;
            while (count < 8 && t + count < _index.Length && _index[t + count] / n == row)
            {
                count++;
            }

            deltaRow.Add(row * _padded);
            first.Add(t);
            for (int q = 0; q < 8; q++)
            {
                xRows.Add(_index[t + Math.Min(q, count - 1)] % n * _padded);
            }

            t += count;
        }

        _groupDelta = [.. deltaRow];
        _groupX = [.. xRows];
        _groupFirst = [.. first, _index.Length];
    }

    /// <summary>
    /// Loss mean((tanh(X W_effᵀ + b) − X)²) for <paramref name="layer"/>'s current <see cref="MaskedTanhLayer.Effective"/>
    /// and bias; fills its weight gradient (0 at frozen cells) and its bias gradient.
    /// </summary>
    public double LossAndGradients(MaskedTanhLayer layer)
    {
        Narrow(layer.Effective, _weights);
        for (int i = 0; i < _n; i++)
        {
            _bias[i] = (float)layer.Bias[i];
        }

        double loss = Pass();
        Array.Clear(layer.WeightGradient);
        for (int t = 0; t < _index.Length; t++)
        {
            layer.WeightGradient[_index[t]] = _gradient[t];
        }

        for (int i = 0; i < _n; i++)
        {
            layer.BiasGradient[i] = _biasGradient[i];
        }

        return loss;
    }

    /// <summary>
    /// Full-batch training from <paramref name="layer"/>'s <see cref="MaskedTanhLayer.Effective"/> (set by the caller) and bias,
    /// with its packed weights and optimizer states loaded; writes the loss of every epoch (before its step) into
    /// <paramref name="losses"/>, stops after the step whose loss is below <paramref name="earlyStop"/>, stores the trained
    /// weights back into <see cref="MaskedTanhLayer.Weights"/> and returns the epochs run.
    /// </summary>
    public int Train(MaskedTanhLayer layer, IOptimizer optimizer, Span<double> losses, double earlyStop)
    {
        var compact = layer.Compact;
        var index = compact.Index;
        var values = compact.Values;
        var gradient = compact.Gradient;
        Narrow(layer.Effective, _weights);
        for (int i = 0; i < _n; i++)
        {
            _bias[i] = (float)layer.Bias[i];
        }

        int epoch = 0;
        while (epoch < losses.Length)
        {
            double loss = Pass();
            losses[epoch++] = loss;
            Widen(_gradient, gradient);
            optimizer.Step(values, gradient, layer.WeightState!);
            for (int t = 0; t < index.Length; t++)
            {
                _weights[index[t]] = (float)values[t];
            }

            for (int i = 0; i < _n; i++)
            {
                layer.BiasGradient[i] = _biasGradient[i];
            }

            optimizer.Step(layer.Bias, layer.BiasGradient, layer.BiasState!);
            for (int i = 0; i < _n; i++)
            {
                _bias[i] = (float)layer.Bias[i];
            }

            if (loss < earlyStop)
            {
                break;
            }
        }

        compact.Store(layer.Weights);
        return epoch;
    }

    // One forward and backward pass from _weights and _bias: the loss, _gradient and _biasGradient.
    private double Pass()
    {
        int n = _n;
        int pp = _padded;
        var zT = _zT.AsSpan();
        for (int i = 0; i < n; i++)
        {
            zT.Slice(i * pp, pp).Fill(_bias[i]);
        }

        DenseProduct<float>.MultiplyAccumulate(n, n, pp, _weights, n, 1, _xT, zT);
        double scale = 1.0 / (_batch * n);
        double loss = Delta((float)(2 * scale)) * scale;

        TrainableGradient();
        return loss;
    }

    // ∂L/∂W_ij = Σ_μ Δᵀ_iμ Xᵀ_jμ at the trainable cells only (about half of N² at a stuck rate of 0.5): eight cells
    // of one row at a time, each a dot product along the pattern axis with its own accumulator, so eight independent
    // FMA chains share every load of the row of Δᵀ; padding patterns add exact zeros.
    private void TrainableGradient()
    {
        ref float delta = ref MemoryMarshal.GetArrayDataReference(_deltaT);
        ref float xT = ref MemoryMarshal.GetArrayDataReference(_xT);
        Span<float> sums = stackalloc float[Vector256<float>.Count];
        nuint pp = (nuint)_padded;
        nuint width = (nuint)Vector256<float>.Count;
        for (int g = 0; g < _groupDelta.Length; g++)
        {
            ref float d = ref Unsafe.Add(ref delta, _groupDelta[g]);
            int o = 8 * g;
            ref float x0 = ref Unsafe.Add(ref xT, _groupX[o]);
            ref float x1 = ref Unsafe.Add(ref xT, _groupX[o + 1]);
            ref float x2 = ref Unsafe.Add(ref xT, _groupX[o + 2]);
            ref float x3 = ref Unsafe.Add(ref xT, _groupX[o + 3]);
            ref float x4 = ref Unsafe.Add(ref xT, _groupX[o + 4]);
            ref float x5 = ref Unsafe.Add(ref xT, _groupX[o + 5]);
            ref float x6 = ref Unsafe.Add(ref xT, _groupX[o + 6]);
            ref float x7 = ref Unsafe.Add(ref xT, _groupX[o + 7]);
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default;
            for (nuint k = 0; k < pp; k += width)
            {
                var dk = Vector256.LoadUnsafe(ref d, k);
                s0 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x0, k), s0);
                s1 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x1, k), s1);
                s2 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x2, k), s2);
                s3 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x3, k), s3);
                s4 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x4, k), s4);
                s5 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x5, k), s5);
                s6 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x6, k), s6);
                s7 = Vector256.FusedMultiplyAdd(dk, Vector256.LoadUnsafe(ref x7, k), s7);
            }

            var total = LaneSums.Of8(s0, s1, s2, s3, s4, s5, s6, s7);
            int first = _groupFirst[g];
            int count = _groupFirst[g + 1] - first;
            if (count == Vector256<float>.Count)
            {
                total.CopyTo(_gradient.AsSpan(first));
            }
            else
            {
                total.CopyTo(sums);
                sums[..count].CopyTo(_gradient.AsSpan(first));
            }
        }
    }

    // y = tanh(z); δ = c (y − x)(1 − y²) on real patterns, 0 on padding; ∂L/∂b_i = Σ_μ δ_iμ; returns Σ (y − x)² over real patterns.
    private float Delta(float c)
    {
        ref float z = ref MemoryMarshal.GetArrayDataReference(_zT);
        ref float x = ref MemoryMarshal.GetArrayDataReference(_xT);
        ref float valid = ref MemoryMarshal.GetArrayDataReference(_valid);
        ref float delta = ref MemoryMarshal.GetArrayDataReference(_deltaT);
        var one = Vector256<float>.One;
        var factor = Vector256.Create(c);
        var sum = Vector256<float>.Zero;
        nuint width = (nuint)Vector256<float>.Count;
        nuint pp = (nuint)_padded;
        for (int i = 0; i < _n; i++)
        {
            var rowSum = Vector256<float>.Zero;
            nuint row = (nuint)i * pp;
            for (nuint k = row; k < row + pp; k += width)
            {
                var y = FastTanh.Tanh(Vector256.LoadUnsafe(ref z, k));
                var d = (y - Vector256.LoadUnsafe(ref x, k)) * Vector256.LoadUnsafe(ref valid, k);
                sum += d * d;
                var dk = factor * d * (one - (y * y));
                dk.StoreUnsafe(ref delta, k);
                rowSum += dk;
            }

            _biasGradient[i] = LaneSums.Of(rowSum);
        }

        return LaneSums.Of(sum);
    }
    // Explicit vector conversions: the generic span conversion between double and float goes element by element.
    private static void Narrow(ReadOnlySpan<double> source, Span<float> target)
    {
        int k = 0;
        int width = Vector256<float>.Count;
        for (; k + width <= source.Length; k += width)
        {
            Vector256.Narrow(Vector256.Create(source.Slice(k, width / 2)), Vector256.Create(source.Slice(k + (width / 2), width / 2))).CopyTo(target[k..]);
        }

        for (; k < source.Length; k++)
        {
            target[k] = (float)source[k];
        }
    }

    // Widening is exact.
    private static void Widen(ReadOnlySpan<float> source, Span<double> target)
    {
        int k = 0;
        int width = Vector256<float>.Count;
        for (; k + width <= source.Length; k += width)
        {
            var (lower, upper) = Vector256.Widen(Vector256.Create(source.Slice(k, width)));
            lower.CopyTo(target[k..]);
            upper.CopyTo(target[(k + (width / 2))..]);
        }

        for (; k < source.Length; k++)
        {
            target[k] = source[k];
        }
    }
}
