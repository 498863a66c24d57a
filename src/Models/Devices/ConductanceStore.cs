using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Engram.Models.Devices;

/// <summary>
/// The per-cell conductances of one array (siemens, row-major) in the precision its use needs: double for an array
/// that is trained by pulses (small steps accumulate), single for an array that is programmed once and read (half
/// the memory and memory traffic; a float keeps 7 significant digits, far below any card's read noise or converter
/// step). The read kernels live here so each precision runs its own vectorised loop.
/// </summary>
internal sealed class ConductanceStore
{
    private readonly double[]? _double;
    private readonly float[]? _single;

    public ConductanceStore(int cells, CellPrecision precision)
    {
        if (precision == CellPrecision.Single)
        {
            _single = new float[cells];
        }
        else
        {
            _double = new double[cells];
        }

        Length = cells;
    }

    public int Length { get; }

    public CellPrecision Precision => _single is null ? CellPrecision.Double : CellPrecision.Single;

    /// <summary>Bytes per cell this store takes.</summary>
    public int BytesPerCell => _single is null ? sizeof(double) : sizeof(float);

    public double this[int cell]
    {
        get => _double is { } d ? d[cell] : _single![cell];
        set
        {
            if (_double is { } d)
            {
                d[cell] = value;
            }
            else
            {
                _single![cell] = (float)value;
            }
        }
    }

    /// <summary>The double cells as a span (double precision only: training reads them directly).</summary>
    public ReadOnlySpan<double> Doubles => _double ?? throw new InvalidOperationException(
        "this array keeps its conductances in single precision (a read-only recall array); read them per cell");

    /// <summary><paramref name="acc"/> += v·row for the cells [start, start + acc.Length) of a double store.</summary>
    public void MultiplyAddRow(int start, double v, Span<double> acc)
    {
        var d = _double ?? throw new InvalidOperationException("a single store reads four rows per pass (MultiplyAddRows)");
        TensorPrimitives.MultiplyAdd(d.AsSpan(start, acc.Length), v, acc, acc);
    }

    /// <summary>
    /// <paramref name="acc"/> += Σ_r v_r·row_r over the rows of a single store (row r at r·cols), skipping rows at 0,
    /// four rows per pass over the accumulator. Per element the products are added row after row, as one
    /// MultiplyAdd per row would (x·y + z, not fused), so the sums are the same to the bit.
    /// </summary>
    /// <param name="driven">Scratch of at least v.Length entries for the indices of the driven rows.</param>
    public void MultiplyAddRows(ReadOnlySpan<double> v, int cols, Span<float> acc, Span<int> driven)
    {
        var g = _single ?? throw new InvalidOperationException("a double store reads row by row");
        int count = 0;
        for (int r = 0; r < v.Length; r++)
        {
            if (v[r] != 0)
            {
                driven[count++] = r;
            }
        }

        int k = 0;
        for (; k + 4 <= count; k += 4)
        {
            int r0 = driven[k], r1 = driven[k + 1], r2 = driven[k + 2], r3 = driven[k + 3];
            float v0 = (float)v[r0], v1 = (float)v[r1], v2 = (float)v[r2], v3 = (float)v[r3];
            var row0 = g.AsSpan(r0 * cols, cols);
            var row1 = g.AsSpan(r1 * cols, cols);
            var row2 = g.AsSpan(r2 * cols, cols);
            var row3 = g.AsSpan(r3 * cols, cols);
            int c = 0;
            if (Vector.IsHardwareAccelerated && cols >= Vector<float>.Count)
            {
                var a = MemoryMarshal.Cast<float, Vector<float>>(acc);
                var x0 = MemoryMarshal.Cast<float, Vector<float>>(row0);
                var x1 = MemoryMarshal.Cast<float, Vector<float>>(row1);
                var x2 = MemoryMarshal.Cast<float, Vector<float>>(row2);
                var x3 = MemoryMarshal.Cast<float, Vector<float>>(row3);
                for (int j = 0; j < a.Length; j++)
                {
                    var sum = a[j] + (x0[j] * v0);
                    sum += x1[j] * v1;
                    sum += x2[j] * v2;
                    a[j] = sum + (x3[j] * v3);
                }

                c = a.Length * Vector<float>.Count;
            }

            for (; c < cols; c++)
            {
                float sum = acc[c] + (row0[c] * v0);
                sum += row1[c] * v1;
                sum += row2[c] * v2;
                acc[c] = sum + (row3[c] * v3);
            }
        }

        for (; k < count; k++)
        {
            int r = driven[k];
            TensorPrimitives.MultiplyAdd(g.AsSpan(r * cols, cols), (float)v[r], acc, acc);
        }
    }

    /// <summary><paramref name="acc"/> += row for the cells [start, start + acc.Length), in double.</summary>
    public void AddRow(int start, Span<double> acc)
    {
        if (_double is { } d)
        {
            TensorPrimitives.Add(d.AsSpan(start, acc.Length), acc, acc);
            return;
        }

        var row = _single.AsSpan(start, acc.Length);
        for (int c = 0; c < row.Length; c++)
        {
            acc[c] += row[c];
        }
    }

    /// <summary><paramref name="acc"/> += row² for the cells [start, start + acc.Length), in double.</summary>
    public void AddRowSquares(int start, Span<double> acc)
    {
        if (_double is { } d)
        {
            var row = d.AsSpan(start, acc.Length);
            TensorPrimitives.FusedMultiplyAdd(row, row, acc, acc);
            return;
        }

        var single = _single.AsSpan(start, acc.Length);
        for (int c = 0; c < single.Length; c++)
        {
            double g = single[c];
            acc[c] += g * g;
        }
    }

    /// <summary>Σ of the cells [start, start + count), in double, added one after another (the row sums' order).</summary>
    public double SequentialSum(int start, int count)
    {
        double sum = 0;
        for (int i = start; i < start + count; i++)
        {
            sum += this[i];
        }

        return sum;
    }

    /// <summary>Σ of the cells [start, start + count), in double (vectorised for a double store).</summary>
    public double Sum(int start, int count)
    {
        if (_double is { } d)
        {
            return TensorPrimitives.Sum(d.AsSpan(start, count));
        }

        double sum = 0;
        foreach (float g in _single.AsSpan(start, count))
        {
            sum += g;
        }

        return sum;
    }
}
