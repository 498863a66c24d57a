using System.Numerics.Tensors;

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

    /// <summary>
    /// <paramref name="acc"/> += v·row for the cells [start, start + acc.Length). A single store accumulates in
    /// <paramref name="singleAcc"/> (the caller converts once per read) so the loop stays in one precision.
    /// </summary>
    public void MultiplyAddRow(int start, double v, Span<double> acc, Span<float> singleAcc)
    {
        if (_double is { } d)
        {
            TensorPrimitives.MultiplyAdd(d.AsSpan(start, acc.Length), v, acc, acc);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(_single.AsSpan(start, singleAcc.Length), (float)v, singleAcc, singleAcc);
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
