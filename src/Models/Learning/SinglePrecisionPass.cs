using System.Numerics.Tensors;
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
/// </para>
/// </summary>
internal sealed class SinglePrecisionPass
{
    private readonly float[] _x;        // P̂ × N, padding rows zero
    private readonly float[] _xT;       // N × P̂, padding columns zero
    private readonly float[] _valid;    // N × P̂: 1 for a real pattern, 0 for padding
    private readonly float[] _weights;  // N × N, W_eff
    private readonly float[] _zT;       // N × P̂ activations
    private readonly float[] _deltaT;   // N × P̂ loss gradient wrt pre-activations
    private readonly float[] _gradient; // N × N
    private readonly int _batch;
    private readonly int _padded;
    private readonly int _n;

    public SinglePrecisionPass(ReadOnlySpan<double> x, int batch, int n)
    {
        int width = Vector256<float>.Count;
        _batch = batch;
        _n = n;
        _padded = (batch + width - 1) / width * width;
        _x = new float[_padded * n];
        _xT = new float[n * _padded];
        _valid = new float[n * _padded];
        for (int mu = 0; mu < batch; mu++)
        {
            for (int j = 0; j < n; j++)
            {
                float v = (float)x[(mu * n) + j];
                _x[(mu * n) + j] = v;
                _xT[(j * _padded) + mu] = v;
                _valid[(j * _padded) + mu] = 1;
            }
        }

        _weights = new float[n * n];
        _zT = new float[n * _padded];
        _deltaT = new float[n * _padded];
        _gradient = new float[n * n];
    }

    /// <summary>
    /// Loss mean((tanh(X W_effᵀ + b) − X)²) for <paramref name="layer"/>'s current <see cref="MaskedTanhLayer.Effective"/>
    /// and bias; fills its (unmasked) weight gradient and its bias gradient.
    /// </summary>
    public double LossAndGradients(MaskedTanhLayer layer)
    {
        int n = _n;
        int pp = _padded;
        Narrow(layer.Effective, _weights);
        var zT = _zT.AsSpan();
        for (int i = 0; i < n; i++)
        {
            zT.Slice(i * pp, pp).Fill((float)layer.Bias[i]);
        }

        DenseProduct<float>.MultiplyAccumulate(n, n, pp, _weights, n, 1, _xT, zT);
        TensorPrimitives.Tanh(zT, zT);
        double scale = 1.0 / (_batch * n);
        double loss = Delta((float)(2 * scale)) * scale;

        // ∂L/∂W = Δᵀ · X; ∂L/∂b = row sums of Δᵀ (padding columns are zero).
        Array.Clear(_gradient);
        DenseProduct<float>.MultiplyAccumulate(n, pp, n, _deltaT, pp, 1, _x, _gradient);
        Widen(_gradient, layer.WeightGradient);
        for (int i = 0; i < n; i++)
        {
            layer.BiasGradient[i] = TensorPrimitives.Sum(_deltaT.AsSpan(i * pp, pp));
        }

        return loss;
    }

    // δ = c (y − x)(1 − y²) on real patterns, 0 on padding; returns Σ (y − x)² over real patterns.
    private float Delta(float c)
    {
        ref float y = ref MemoryMarshal.GetArrayDataReference(_zT);
        ref float x = ref MemoryMarshal.GetArrayDataReference(_xT);
        ref float valid = ref MemoryMarshal.GetArrayDataReference(_valid);
        ref float delta = ref MemoryMarshal.GetArrayDataReference(_deltaT);
        var one = Vector256<float>.One;
        var factor = Vector256.Create(c);
        var sum = Vector256<float>.Zero;
        int width = Vector256<float>.Count;
        for (nuint k = 0; k < (nuint)_zT.Length; k += (nuint)width)
        {
            var yk = Vector256.LoadUnsafe(ref y, k);
            var d = (yk - Vector256.LoadUnsafe(ref x, k)) * Vector256.LoadUnsafe(ref valid, k);
            sum += d * d;
            (factor * d * (one - (yk * yk))).StoreUnsafe(ref delta, k);
        }

        return Vector256.Sum(sum);
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
