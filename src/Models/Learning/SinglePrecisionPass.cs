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
    private readonly int[] _cells;      // the cells W_eff can be nonzero at (trainable, or frozen at a nonzero value), row-major ascending
    private readonly int[] _cellX;      // per cell, the Xᵀ row offset of its column
    private readonly int[] _rowStart;   // per row, its first cell; one extra entry closes the last row
    private readonly float[] _weights;  // W_eff at _cells
    private readonly int[]? _trainableCell; // per trainable cell (_index order), its position in _cells; null when the two lists are one
    private readonly float[] _bias;     // N
    private readonly float[] _zT;       // N × P̂ pre-activations
    private readonly float[] _deltaT;   // N × P̂ loss gradient wrt pre-activations
    private readonly int[] _index;      // the trainable cells, row-major ascending (TrainableSubset order)
    private readonly float[] _gradient; // ∂L/∂W at the trainable cells only, in _index order, and one spare vector
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

        // Zᵀ is a sum over the cells W_eff can be nonzero at: a stuck-at-0 cell or the diagonal only adds fma(0, x, z) = z.
        var cells = new List<int>();
        _rowStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            _rowStart[i] = cells.Count;
            for (int j = 0; j < n; j++)
            {
                int k = (i * n) + j;
                if (layer.Trainable[k] != 0 || layer.Fixed[k] != 0)
                {
                    cells.Add(k);
                }
            }
        }

        _rowStart[n] = cells.Count;
        _cells = [.. cells];
        _cellX = [.. cells.Select(k => k % n * _padded)];
        _weights = new float[_cells.Length];
        _bias = new float[n];
        _zT = new float[n * _padded];
        _deltaT = new float[n * _padded];
        _index = layer.Compact.Index.ToArray();
        if (_index.Length != _cells.Length)
        {
            _trainableCell = new int[_index.Length];
            for (int t = 0, c = 0; t < _index.Length; t++)
            {
                while (_cells[c] != _index[t])
                {
                    c++;
                }

                _trainableCell[t] = c;
            }
        }
        _gradient = new float[_index.Length + Vector256<float>.Count];
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
        LoadEffective(layer);
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

    /// <summary>Zᵀ = W_eff Xᵀ + b (N × P̂, padding columns included) for <paramref name="layer"/>'s current <see cref="MaskedTanhLayer.Effective"/> and bias (for tests).</summary>
    internal float[] PreActivations(MaskedTanhLayer layer)
    {
        LoadEffective(layer);
        Forward();
        return (float[])_zT.Clone();
    }

    /// <summary>The padded pattern count P̂, the row length of <see cref="PreActivations"/>.</summary>
    internal int PaddedBatch => _padded;

    /// <summary>
    /// Full-batch training from <paramref name="layer"/>'s <see cref="MaskedTanhLayer.Effective"/> (set by the caller) and bias,
    /// with its packed weights and optimizer states loaded; writes the loss of every epoch (before its step) into
    /// <paramref name="losses"/>, stops after the step whose loss is below <paramref name="earlyStop"/>, stores the trained
    /// weights back into <see cref="MaskedTanhLayer.Weights"/> and returns the epochs run.
    /// </summary>
    public int Train(MaskedTanhLayer layer, IOptimizer optimizer, Span<double> losses, double earlyStop)
    {
        LoadEffective(layer);
        int epoch = 0;
        while (epoch < losses.Length)
        {
            double loss = Epoch(layer, optimizer);
            losses[epoch++] = loss;
            if (loss < earlyStop)
            {
                break;
            }
        }

        layer.Compact.Store(layer.Weights);
        return epoch;
    }

    // One pass and one optimizer step; its own method so the tiered JIT compiles it whole rather than as an on-stack replacement of Train's loop.
    private double Epoch(MaskedTanhLayer layer, IOptimizer optimizer)
    {
        var compact = layer.Compact;
        double loss = Pass();
        Widen(_gradient.AsSpan(0, _index.Length), compact.Gradient);
        optimizer.Step(compact.Values, compact.Gradient, layer.WeightState!);
        if (_trainableCell is null)
        {
            Narrow(compact.Values, _weights);
        }
        else
        {
            var values = compact.Values;
            for (int t = 0; t < values.Length; t++)
            {
                _weights[_trainableCell[t]] = (float)values[t];
            }
        }

        Widen(_biasGradient, layer.BiasGradient);
        optimizer.Step(layer.Bias, layer.BiasGradient, layer.BiasState!);
        Narrow(layer.Bias, _bias);
        return loss;
    }

    // W_eff at the cells and the bias, narrowed to float32.
    private void LoadEffective(MaskedTanhLayer layer)
    {
        var effective = layer.Effective;
        for (int c = 0; c < _cells.Length; c++)
        {
            _weights[c] = (float)effective[_cells[c]];
        }

        Narrow(layer.Bias, _bias);
    }

    // One forward and backward pass from _weights and _bias: the loss, _gradient and _biasGradient.
    private double Pass()
    {
        Forward();
        double scale = 1.0 / (_batch * _n);
        double loss = Delta((float)(2 * scale)) * scale;

        TrainableGradient();
        return loss;
    }

    // Zᵀ_i = b_i + Σ_c w_c Xᵀ_(column of c) over row i's cells in ascending column order: for every element the FMA chain of the
    // dense product W_eff Xᵀ (DenseProduct) with its zero terms left out, so the same bits. Each FMA needs its own load of Xᵀ (rows'
    // columns differ), so the blocks are chosen for loads per FMA with at least eight independent chains (FMA latency × ports):
    // one row by eight vectors of patterns (a broadcast weight feeds eight), and for the vectors left over, four rows by three, two
    // or one; the four rows' cell lists run together up to the shortest, then each finishes its own.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward()
    {
        int n = _n;
        int width = Vector256<float>.Count;
        int vectors = _padded / width;
        int wide = vectors / 8 * 8;
        int full = n / 4 * 4;

        // Block by block of patterns, so the block's Xᵀ (N × 64 floats) stays in L1 while every row reads it.
        for (int v = 0; v < wide; v += 8)
        {
            for (int r = 0; r < full; r++)
            {
                Row1x8(r, v * width);
            }
        }

        int i = 0;
        for (; i < full; i += 4)
        {
            int rest = wide;
            for (; rest + 3 <= vectors; rest += 3)
            {
                Rows4x3(i, rest * width);
            }

            if (rest + 2 <= vectors)
            {
                Rows4x2(i, rest * width);
                rest += 2;
            }

            if (rest < vectors)
            {
                Rows4x1(i, rest * width);
            }
        }

        for (; i < n; i++)
        {
            for (int v = 0; v < vectors; v++)
            {
                Row1(i, v * width);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rows4x3(int i, int column)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int cx = ref MemoryMarshal.GetArrayDataReference(_cellX);
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xT), column);
        ref float z = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zT), column);
        nuint pp = (nuint)_padded;
        nuint w1 = (nuint)Vector256<float>.Count;
        nuint w2 = 2 * w1;
        int s0 = _rowStart[i], s1 = _rowStart[i + 1], s2 = _rowStart[i + 2], s3 = _rowStart[i + 3], end = _rowStart[i + 4];
        int common = Math.Min(Math.Min(s1 - s0, s2 - s1), Math.Min(s3 - s2, end - s3));
        var a00 = Vector256.Create(_bias[i]);
        var a10 = Vector256.Create(_bias[i + 1]);
        var a20 = Vector256.Create(_bias[i + 2]);
        var a30 = Vector256.Create(_bias[i + 3]);
        Vector256<float> a01 = a00, a02 = a00, a11 = a10, a12 = a10, a21 = a20, a22 = a20, a31 = a30, a32 = a30;
        for (int c = 0; c < common; c++)
        {
            var b = Vector256.Create(Unsafe.Add(ref w, s0 + c));
            ref float r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s0 + c));
            a00 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a00);
            a01 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a01);
            a02 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w2), a02);
            b = Vector256.Create(Unsafe.Add(ref w, s1 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s1 + c));
            a10 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a10);
            a11 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a11);
            a12 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w2), a12);
            b = Vector256.Create(Unsafe.Add(ref w, s2 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s2 + c));
            a20 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a20);
            a21 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a21);
            a22 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w2), a22);
            b = Vector256.Create(Unsafe.Add(ref w, s3 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s3 + c));
            a30 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a30);
            a31 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a31);
            a32 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w2), a32);
        }

        Tail3(ref w, ref cx, ref x, s0 + common, s1, ref a00, ref a01, ref a02);
        Tail3(ref w, ref cx, ref x, s1 + common, s2, ref a10, ref a11, ref a12);
        Tail3(ref w, ref cx, ref x, s2 + common, s3, ref a20, ref a21, ref a22);
        Tail3(ref w, ref cx, ref x, s3 + common, end, ref a30, ref a31, ref a32);
        nuint o = (nuint)i * pp;
        a00.StoreUnsafe(ref z, o);
        a01.StoreUnsafe(ref z, o + w1);
        a02.StoreUnsafe(ref z, o + w2);
        o += pp;
        a10.StoreUnsafe(ref z, o);
        a11.StoreUnsafe(ref z, o + w1);
        a12.StoreUnsafe(ref z, o + w2);
        o += pp;
        a20.StoreUnsafe(ref z, o);
        a21.StoreUnsafe(ref z, o + w1);
        a22.StoreUnsafe(ref z, o + w2);
        o += pp;
        a30.StoreUnsafe(ref z, o);
        a31.StoreUnsafe(ref z, o + w1);
        a32.StoreUnsafe(ref z, o + w2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tail3(ref float w, ref int cx, ref float x, int from, int to, ref Vector256<float> a0, ref Vector256<float> a1, ref Vector256<float> a2)
    {
        nuint w1 = (nuint)Vector256<float>.Count;
        for (int c = from; c < to; c++)
        {
            var b = Vector256.Create(Unsafe.Add(ref w, c));
            ref float r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, c));
            a0 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a0);
            a1 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a1);
            a2 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 2 * w1), a2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row1x8(int i, int column)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int cx = ref MemoryMarshal.GetArrayDataReference(_cellX);
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xT), column);
        ref float z = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zT), column);
        nuint v = (nuint)Vector256<float>.Count;
        var a0 = Vector256.Create(_bias[i]);
        Vector256<float> a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        int end = _rowStart[i + 1];
        for (int c = _rowStart[i]; c < end; c++)
        {
            var b = Vector256.Create(Unsafe.Add(ref w, c));
            ref float r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, c));
            a0 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a0);
            a1 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, v), a1);
            a2 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 2 * v), a2);
            a3 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 3 * v), a3);
            a4 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 4 * v), a4);
            a5 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 5 * v), a5);
            a6 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 6 * v), a6);
            a7 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, 7 * v), a7);
        }

        ref float o = ref Unsafe.Add(ref z, (nuint)i * (nuint)_padded);
        a0.StoreUnsafe(ref o);
        a1.StoreUnsafe(ref o, v);
        a2.StoreUnsafe(ref o, 2 * v);
        a3.StoreUnsafe(ref o, 3 * v);
        a4.StoreUnsafe(ref o, 4 * v);
        a5.StoreUnsafe(ref o, 5 * v);
        a6.StoreUnsafe(ref o, 6 * v);
        a7.StoreUnsafe(ref o, 7 * v);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rows4x2(int i, int column)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int cx = ref MemoryMarshal.GetArrayDataReference(_cellX);
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xT), column);
        ref float z = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zT), column);
        nuint pp = (nuint)_padded;
        nuint w1 = (nuint)Vector256<float>.Count;
        int s0 = _rowStart[i], s1 = _rowStart[i + 1], s2 = _rowStart[i + 2], s3 = _rowStart[i + 3], end = _rowStart[i + 4];
        int common = Math.Min(Math.Min(s1 - s0, s2 - s1), Math.Min(s3 - s2, end - s3));
        var a00 = Vector256.Create(_bias[i]);
        var a10 = Vector256.Create(_bias[i + 1]);
        var a20 = Vector256.Create(_bias[i + 2]);
        var a30 = Vector256.Create(_bias[i + 3]);
        Vector256<float> a01 = a00, a11 = a10, a21 = a20, a31 = a30;
        for (int c = 0; c < common; c++)
        {
            var b = Vector256.Create(Unsafe.Add(ref w, s0 + c));
            ref float r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s0 + c));
            a00 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a00);
            a01 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a01);
            b = Vector256.Create(Unsafe.Add(ref w, s1 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s1 + c));
            a10 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a10);
            a11 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a11);
            b = Vector256.Create(Unsafe.Add(ref w, s2 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s2 + c));
            a20 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a20);
            a21 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a21);
            b = Vector256.Create(Unsafe.Add(ref w, s3 + c));
            r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s3 + c));
            a30 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a30);
            a31 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a31);
        }

        Tail2(ref w, ref cx, ref x, s0 + common, s1, ref a00, ref a01);
        Tail2(ref w, ref cx, ref x, s1 + common, s2, ref a10, ref a11);
        Tail2(ref w, ref cx, ref x, s2 + common, s3, ref a20, ref a21);
        Tail2(ref w, ref cx, ref x, s3 + common, end, ref a30, ref a31);
        nuint o = (nuint)i * pp;
        a00.StoreUnsafe(ref z, o);
        a01.StoreUnsafe(ref z, o + w1);
        o += pp;
        a10.StoreUnsafe(ref z, o);
        a11.StoreUnsafe(ref z, o + w1);
        o += pp;
        a20.StoreUnsafe(ref z, o);
        a21.StoreUnsafe(ref z, o + w1);
        o += pp;
        a30.StoreUnsafe(ref z, o);
        a31.StoreUnsafe(ref z, o + w1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tail2(ref float w, ref int cx, ref float x, int from, int to, ref Vector256<float> a0, ref Vector256<float> a1)
    {
        nuint w1 = (nuint)Vector256<float>.Count;
        for (int c = from; c < to; c++)
        {
            var b = Vector256.Create(Unsafe.Add(ref w, c));
            ref float r = ref Unsafe.Add(ref x, Unsafe.Add(ref cx, c));
            a0 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r), a0);
            a1 = Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref r, w1), a1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rows4x1(int i, int column)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int cx = ref MemoryMarshal.GetArrayDataReference(_cellX);
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xT), column);
        ref float z = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zT), column);
        nuint pp = (nuint)_padded;
        int s0 = _rowStart[i], s1 = _rowStart[i + 1], s2 = _rowStart[i + 2], s3 = _rowStart[i + 3], end = _rowStart[i + 4];
        int common = Math.Min(Math.Min(s1 - s0, s2 - s1), Math.Min(s3 - s2, end - s3));
        var a0 = Vector256.Create(_bias[i]);
        var a1 = Vector256.Create(_bias[i + 1]);
        var a2 = Vector256.Create(_bias[i + 2]);
        var a3 = Vector256.Create(_bias[i + 3]);
        for (int c = 0; c < common; c++)
        {
            a0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, s0 + c)), Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s0 + c))), a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, s1 + c)), Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s1 + c))), a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, s2 + c)), Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s2 + c))), a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, s3 + c)), Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref cx, s3 + c))), a3);
        }

        Tail1(ref w, ref cx, ref x, s0 + common, s1, ref a0);
        Tail1(ref w, ref cx, ref x, s1 + common, s2, ref a1);
        Tail1(ref w, ref cx, ref x, s2 + common, s3, ref a2);
        Tail1(ref w, ref cx, ref x, s3 + common, end, ref a3);
        nuint o = (nuint)i * pp;
        a0.StoreUnsafe(ref z, o);
        a1.StoreUnsafe(ref z, o + pp);
        a2.StoreUnsafe(ref z, o + (2 * pp));
        a3.StoreUnsafe(ref z, o + (3 * pp));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row1(int i, int column)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref int cx = ref MemoryMarshal.GetArrayDataReference(_cellX);
        ref float x = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_xT), column);
        ref float z = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_zT), column);
        var a = Vector256.Create(_bias[i]);
        Tail1(ref w, ref cx, ref x, _rowStart[i], _rowStart[i + 1], ref a);
        a.StoreUnsafe(ref z, (nuint)i * (nuint)_padded);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tail1(ref float w, ref int cx, ref float x, int from, int to, ref Vector256<float> a)
    {
        for (int c = from; c < to; c++)
        {
            a = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref w, c)), Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref cx, c))), a);
        }
    }

    // ∂L/∂W_ij = Σ_μ Δᵀ_iμ Xᵀ_jμ at the trainable cells only (about half of N² at a stuck rate of 0.5): eight cells
    // of one row at a time, each a dot product along the pattern axis with its own accumulator, so eight independent
    // FMA chains share every load of the row of Δᵀ; padding patterns add exact zeros.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TrainableGradient()
    {
        ref float delta = ref MemoryMarshal.GetArrayDataReference(_deltaT);
        ref float xT = ref MemoryMarshal.GetArrayDataReference(_xT);
        ref float gradient = ref MemoryMarshal.GetArrayDataReference(_gradient);
        nuint pp = (nuint)_padded;
        nuint width = (nuint)Vector256<float>.Count;
        ref int groupDelta = ref MemoryMarshal.GetArrayDataReference(_groupDelta);
        ref int groupFirst = ref MemoryMarshal.GetArrayDataReference(_groupFirst);
        ref int groupX = ref MemoryMarshal.GetArrayDataReference(_groupX);
        for (int g = 0; g < _groupDelta.Length; g++)
        {
            ref float d = ref Unsafe.Add(ref delta, Unsafe.Add(ref groupDelta, g));
            ref int o = ref Unsafe.Add(ref groupX, 8 * g);
            ref float x0 = ref Unsafe.Add(ref xT, o);
            ref float x1 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 1));
            ref float x2 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 2));
            ref float x3 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 3));
            ref float x4 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 4));
            ref float x5 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 5));
            ref float x6 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 6));
            ref float x7 = ref Unsafe.Add(ref xT, Unsafe.Add(ref o, 7));
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
            // A short group's extra sums land on the next group's cells, which that group overwrites (groups run in cell order);
            // the last group's land in the spare vector at the end.
            total.StoreUnsafe(ref gradient, (nuint)Unsafe.Add(ref groupFirst, g));
        }
    }

    // y = tanh(z); δ = c (y − x)(1 − y²) on real patterns, 0 on padding; ∂L/∂b_i = Σ_μ δ_iμ; returns Σ (y − x)² over real patterns.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        Span<Vector256<float>> rowSums = stackalloc Vector256<float>[8];
        for (int i0 = 0; i0 < _n; i0 += 8)
        {
            int rows = Math.Min(8, _n - i0);
            for (int q = 0; q < rows; q++)
            {
                var rowSum = Vector256<float>.Zero;
                nuint row = (nuint)(i0 + q) * pp;
                nuint last = row + pp - width;
                nuint k = row;
                for (; k < last; k += width)
                {
                    var y = FastTanh.Tanh(Vector256.LoadUnsafe(ref z, k));
                    var d = y - Vector256.LoadUnsafe(ref x, k);
                    sum += d * d;
                    var dk = factor * d * (one - (y * y));
                    dk.StoreUnsafe(ref delta, k);
                    rowSum += dk;
                }

                // Only a row's last vector holds padding patterns (the mask is 1 elsewhere, and times 1 is exact).
                var yLast = FastTanh.Tanh(Vector256.LoadUnsafe(ref z, k));
                var dLast = (yLast - Vector256.LoadUnsafe(ref x, k)) * Vector256.LoadUnsafe(ref valid, k);
                sum += dLast * dLast;
                var deltaLast = factor * dLast * (one - (yLast * yLast));
                deltaLast.StoreUnsafe(ref delta, k);
                rowSums[q] = rowSum + deltaLast;
            }

            if (rows == 8)
            {
                LaneSums.Of8(rowSums[0], rowSums[1], rowSums[2], rowSums[3], rowSums[4], rowSums[5], rowSums[6], rowSums[7]).CopyTo(_biasGradient.AsSpan(i0));
            }
            else
            {
                for (int q = 0; q < rows; q++)
                {
                    _biasGradient[i0 + q] = LaneSums.Of(rowSums[q]);
                }
            }
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
