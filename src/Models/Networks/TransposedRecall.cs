using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engram.Models.Networks;

/// <summary>
/// <see cref="BatchedRecall"/> for a <see cref="SingleLayerMemory"/>, with the states held transposed (N × cues): the field of
/// neuron i for every cue is b_i + Σ_j W_ij s_j, one broadcast weight times a row of states, so the product runs over the
/// nonzero weights only (stuck-at-0 cells and the diagonal drop out), and the neuron function and the stopping tests
/// run along whole vectors of cues.
/// <para>
/// Each field is the FMA chain over j in increasing order that <see cref="SingleLayerMemory.StepBatch"/> computes, less
/// its fma(s, 0, u) = u terms, so every state is bit-identical to recalling the cue alone; the stopping tests compare
/// states as <see cref="double.Equals(double)"/> does (±0 equal, NaN equal to NaN), as <c>SequenceEqual</c> does.
/// </para>
/// </summary>
internal sealed class TransposedRecall
{
    private static readonly int Width = Vector256<double>.Count;

    private double[] _before = [];
    private double[] _current = [];
    private double[] _next = [];
    private ulong[] _changed = [];      // per cue: nonzero when its next state differs from its current one
    private ulong[] _changedTwo = [];   // per cue: nonzero when its next state differs from the one before its current one
    private int[] _slot = [];

    // Called once per batch, so left to tiering it would run its first batches unoptimised.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(SingleLayerMemory memory, ReadOnlySpan<double> cues, int count, int maxIterations, Span<double> results)
    {
        int n = memory.Neurons;
        // Rows an odd number of cache lines apart (stride ≡ 8 mod 16 doubles): with a row length of a multiple of 4 KiB every
        // neuron's block of states would fall into the same few L1 sets.
        int stride = ((count + 7) / 8 * 8) | 8;
        Reserve(n * stride, stride);
        for (int r = 0; r < count; r++)
        {
            _slot[r] = r;
            for (int i = 0; i < n; i++)
            {
                _current[(i * stride) + r] = cues[(r * n) + i];
            }
        }

        // Padding cues start at 0 and are stepped like the rest, but never read.
        for (int i = 0; i < n; i++)
        {
            _current.AsSpan((i * stride) + count, stride - count).Clear();
        }

        var rows = memory.NonzeroRows;
        bool binary = !memory.Continuous;
        int columns = count; // columns in use: running cues and finished ones not yet packed away (slot −1)
        int running = count;
        for (int t = 1; t <= maxIterations && running > 0; t++)
        {
            int width = (columns + Width - 1) / Width * Width;
            bool twoCycle = binary && t >= 2;
            _changed.AsSpan(0, width).Clear();
            _changedTwo.AsSpan(0, width).Clear();
            // Block by block of 32 cues, so the block's states (N × 32 doubles) stay in L1 while every neuron reads them.
            for (int v = 0; v < width; v += 8 * Width)
            {
                int end = Math.Min(width, v + (8 * Width));
                for (int i = 0; i < n; i++)
                {
                    Field(rows, memory.Bias[i], i, stride, v, end);
                }
            }

            for (int i = 0; i < n; i++)
            {
                Activate(i * stride, width, binary, twoCycle);
            }

            for (int r = 0; r < columns; r++)
            {
                if (_slot[r] < 0)
                {
                    continue;
                }

                if (_changed[r] == 0)
                {
                    Write(_next, r, stride, n, results.Slice(_slot[r] * n, n));
                }
                else if (twoCycle && _changedTwo[r] == 0)
                {
                    Write((maxIterations - t) % 2 == 0 ? _next : _current, r, stride, n, results.Slice(_slot[r] * n, n));
                }
                else
                {
                    continue;
                }

                _slot[r] = -1;
                running--;
            }

            // A finished cue keeps its column (it is stepped but never read) until a quarter of the columns are such; then the
            // running ones are packed down, row by row. After the rotation their current column is the "before" and their next the "current".
            if (running > 0 && 4 * (columns - running) >= columns)
            {
                Pack(n, stride, columns);
                columns = running;
            }

            (_before, _current, _next) = (_current, _next, _before);
        }

        for (int r = 0; r < columns; r++)
        {
            if (_slot[r] >= 0)
            {
                Write(_current, r, stride, n, results.Slice(_slot[r] * n, n));
            }
        }
    }

    // Moves the running columns of _current and _next to the front, in order.
    private void Pack(int n, int stride, int columns)
    {
        for (int i = 0; i < n; i++)
        {
            var current = _current.AsSpan(i * stride, columns);
            var next = _next.AsSpan(i * stride, columns);
            int kept = 0;
            for (int r = 0; r < columns; r++)
            {
                if (_slot[r] >= 0)
                {
                    current[kept] = current[r];
                    next[kept] = next[r];
                    kept++;
                }
            }
        }

        int k = 0;
        for (int r = 0; r < columns; r++)
        {
            if (_slot[r] >= 0)
            {
                _slot[k++] = _slot[r];
            }
        }
    }

    private static void Write(double[] states, int cue, int stride, int n, Span<double> output)
    {
        for (int i = 0; i < n; i++)
        {
            output[i] = states[(i * stride) + cue];
        }
    }

    // The fields of neuron i for cues [first, width) into its row of _next: eight vectors of cues per broadcast weight, then four, then one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Field(SparseRows rows, double bias, int i, int stride, int first, int width)
    {
        ref double w = ref MemoryMarshal.GetArrayDataReference(rows.Weights);
        ref int column = ref MemoryMarshal.GetArrayDataReference(rows.Columns);
        ref double s = ref MemoryMarshal.GetArrayDataReference(_current);
        ref double u = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_next), i * stride);
        int from = rows.RowStart[i];
        int to = rows.RowStart[i + 1];
        nint lane = Width;
        nint rowStride = stride;
        int v = first;
        for (; v + (8 * Width) <= width; v += 8 * Width)
        {
            var a0 = Vector256.Create(bias);
            Vector256<double> a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int c = from; c < to; c++)
            {
                var b = Vector256.Create(Unsafe.Add(ref w, c));
                ref double x = ref Unsafe.Add(ref s, (Unsafe.Add(ref column, c) * rowStride) + v);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x), b, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, lane)), b, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 2 * lane)), b, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 3 * lane)), b, a3);
                a4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 4 * lane)), b, a4);
                a5 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 5 * lane)), b, a5);
                a6 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 6 * lane)), b, a6);
                a7 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 7 * lane)), b, a7);
            }

            ref double o = ref Unsafe.Add(ref u, v);
            a0.StoreUnsafe(ref o);
            a1.StoreUnsafe(ref Unsafe.Add(ref o, lane));
            a2.StoreUnsafe(ref Unsafe.Add(ref o, 2 * lane));
            a3.StoreUnsafe(ref Unsafe.Add(ref o, 3 * lane));
            a4.StoreUnsafe(ref Unsafe.Add(ref o, 4 * lane));
            a5.StoreUnsafe(ref Unsafe.Add(ref o, 5 * lane));
            a6.StoreUnsafe(ref Unsafe.Add(ref o, 6 * lane));
            a7.StoreUnsafe(ref Unsafe.Add(ref o, 7 * lane));
        }

        for (; v + (4 * Width) <= width; v += 4 * Width)
        {
            var a0 = Vector256.Create(bias);
            Vector256<double> a1 = a0, a2 = a0, a3 = a0;
            for (int c = from; c < to; c++)
            {
                var b = Vector256.Create(Unsafe.Add(ref w, c));
                ref double x = ref Unsafe.Add(ref s, (Unsafe.Add(ref column, c) * rowStride) + v);
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x), b, a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, lane)), b, a1);
                a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 2 * lane)), b, a2);
                a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, 3 * lane)), b, a3);
            }

            ref double o = ref Unsafe.Add(ref u, v);
            a0.StoreUnsafe(ref o);
            a1.StoreUnsafe(ref Unsafe.Add(ref o, lane));
            a2.StoreUnsafe(ref Unsafe.Add(ref o, 2 * lane));
            a3.StoreUnsafe(ref Unsafe.Add(ref o, 3 * lane));
        }

        for (; v < width; v += Width)
        {
            var a = Vector256.Create(bias);
            for (int c = from; c < to; c++)
            {
                a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref s, (Unsafe.Add(ref column, c) * rowStride) + v)), Vector256.Create(Unsafe.Add(ref w, c)), a);
            }

            a.StoreUnsafe(ref Unsafe.Add(ref u, v));
        }
    }

    // Neuron function in place on the row at offset (the field in _next, the previous state in _current), and the stopping tests.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Activate(int offset, int width, bool binary, bool twoCycle)
    {
        var next = _next.AsSpan(offset, width);
        var current = _current.AsSpan(offset, width);
        var before = _before.AsSpan(offset, width);
        if (!binary)
        {
            for (int k = 0; k < width; k++)
            {
                next[k] = Math.Tanh(next[k]);
            }
        }

        var one = Vector256<double>.One;
        for (int k = 0; k < width; k += Width)
        {
            var previous = Vector256.Create(current.Slice(k, Width));
            var state = Vector256.Create(next.Slice(k, Width));
            if (binary)
            {
                // NeuronFunctions.Sign as selects: a field's sign is a coin flip for the branch predictor.
                var below = Vector256.ConditionalSelect(Vector256.LessThan(state, Vector256<double>.Zero), -one, previous);
                state = Vector256.ConditionalSelect(Vector256.GreaterThan(state, Vector256<double>.Zero), one, below);
                state.CopyTo(next.Slice(k, Width));
            }

            var changed = Vector256.Create(_changed.AsSpan(k, Width));
            (changed | ~Same(state, previous).AsUInt64()).CopyTo(_changed.AsSpan(k, Width));
            if (twoCycle)
            {
                var changedTwo = Vector256.Create(_changedTwo.AsSpan(k, Width));
                (changedTwo | ~Same(state, Vector256.Create(before.Slice(k, Width))).AsUInt64()).CopyTo(_changedTwo.AsSpan(k, Width));
            }
        }
    }

    // double.Equals lane by lane: IEEE equality, or both NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Same(Vector256<double> a, Vector256<double> b) =>
        Vector256.Equals(a, b) | (~Vector256.Equals(a, a) & ~Vector256.Equals(b, b));

    private void Reserve(int length, int stride)
    {
        if (_current.Length < length)
        {
            _before = new double[length];
            _current = new double[length];
            _next = new double[length];
        }

        if (_slot.Length < stride)
        {
            _slot = new int[stride];
            _changed = new ulong[stride];
            _changedTwo = new ulong[stride];
        }
    }
}
