using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Engram.Models.Devices;

/// <summary>
/// The per-cell conductances of one array (siemens) in the precision its use needs: double for an array that is
/// trained by pulses (small steps accumulate), single for an array that is programmed once and read (half the
/// memory and memory traffic; a float keeps 7 significant digits, far below any card's read noise or converter
/// step). Cells are addressed row-major (cell = row·cols + col) everywhere; a double store also lays them out so,
/// for the training's row updates. A single store lays each bit line's cells out contiguously (column-major): a
/// read is one dot product per bit line over its word lines, and an asynchronous update's one-column read is a
/// contiguous pass instead of one cache line per cell. A single store may live in an <see cref="InterleavedBitLines"/>
/// (its bit lines contiguous, apart by the shared buffer's column stride). The read kernels live here so each layout
/// runs its own loop.
/// </summary>
internal sealed class ConductanceStore
{
    private readonly double[]? _double;
    private readonly float[]? _single;
    private readonly int _rows;
    private readonly int _cols;
    private readonly int _colShift;
    // Where a single store's bit line c starts: _offset + c·_columnStride (its own buffer: 0 and rows).
    private readonly int _offset;
    private readonly int _columnStride;

    public ConductanceStore(int rows, int cols, CellPrecision precision)
        : this(rows, cols, precision, null, 0, rows)
    {
    }

    /// <summary>A single store in array <see cref="BitLinePlace.Index"/>'s bit lines of a shared buffer.</summary>
    public ConductanceStore(BitLinePlace place)
        : this(place.Lines.Rows, place.Lines.Cols, CellPrecision.Single, place.Lines.Cells, CheckedIndex(place) * place.Lines.Rows, place.Lines.Arrays * place.Lines.Rows)
    {
    }

    // Shared: a single buffer that other stores use too (null: a buffer of the store's own).
    private ConductanceStore(int rows, int cols, CellPrecision precision, float[]? shared, int offset, int columnStride)
    {
        int cells = checked(rows * cols);
        if (precision == CellPrecision.Single)
        {
            _single = shared ?? new float[cells];
        }
        else
        {
            _double = new double[cells];
        }

        _rows = rows;
        _cols = cols;
        _colShift = BitOperations.IsPow2(cols) ? BitOperations.Log2((uint)cols) : -1;
        _offset = offset;
        _columnStride = columnStride;
        Length = cells;
    }

    private static int CheckedIndex(BitLinePlace place)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(place.Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(place.Index, place.Lines.Arrays);
        return place.Index;
    }

    public int Length { get; }

    public CellPrecision Precision => _single is null ? CellPrecision.Double : CellPrecision.Single;

    /// <summary>Bytes per cell this store takes.</summary>
    public int BytesPerCell => _single is null ? sizeof(double) : sizeof(float);

    public double this[int cell]
    {
        get => _double is { } d ? d[cell] : _single![SingleSlot(cell)];
        set
        {
            if (_double is { } d)
            {
                d[cell] = value;
            }
            else
            {
                _single![SingleSlot(cell)] = (float)value;
            }
        }
    }

    /// <summary>Where row-major cell <paramref name="cell"/> lives in the column-major single layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SingleSlot(int cell)
    {
        int row, col;
        if (_colShift >= 0)
        {
            row = cell >> _colShift;
            col = cell & (_cols - 1);
        }
        else
        {
            row = cell / _cols;
            col = cell - (row * _cols);
        }

        return _offset + (col * _columnStride) + row;
    }

    /// <summary>Where bit line <paramref name="col"/>'s first cell lives and how far apart its cells are, row after row.</summary>
    public (int Start, int Stride) ColumnSlots(int col) => _single is null ? (col, _cols) : (_offset + (col * _columnStride), 1);

    /// <summary>The cell stored at <paramref name="slot"/> of the layout (see <see cref="ColumnSlots"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AtSlot(int slot) => _single is { } single ? single[slot] : _double![slot];

    /// <summary>The cells of bit line <paramref name="col"/>, word line by word line (single precision only).</summary>
    public ReadOnlySpan<float> Column(int col) =>
        (_single ?? throw new InvalidOperationException("a double store is laid out row by row")).AsSpan(_offset + (col * _columnStride), _rows);

    /// <summary>The double cells as a span (double precision only: training reads them directly).</summary>
    public ReadOnlySpan<double> Doubles => _double ?? throw new InvalidOperationException(
        "this array keeps its conductances in single precision (a read-only recall array); read them per cell");

    /// <summary><paramref name="acc"/> += v·row for the cells [start, start + acc.Length) of a double store.</summary>
    public void MultiplyAddRow(int start, double v, Span<double> acc)
    {
        var d = _double ?? throw new InvalidOperationException("a single store reads one dot product per bit line (ColumnDots)");
        TensorPrimitives.MultiplyAdd(d.AsSpan(start, acc.Length), v, acc, acc);
    }

    /// <summary>
    /// Per bit line c, <paramref name="currents"/>[c] = Σ_r v_r·G_rc in single precision (a single store), one
    /// <see cref="SingleDot"/> per column over its contiguous cells.
    /// </summary>
    public void ColumnDots(ReadOnlySpan<float> v, Span<double> currents)
    {
        var g = _single ?? throw new InvalidOperationException("a double store reads row by row");
        SingleDot.OfEach(g.AsSpan(_offset, ((_cols - 1) * _columnStride) + _rows), _columnStride, v, currents[.._cols]);
    }

    /// <summary><paramref name="acc"/> += row for the cells [start, start + acc.Length) of a double store, in double.</summary>
    public void AddRow(int start, Span<double> acc)
    {
        var d = _double ?? throw new InvalidOperationException("a single store sums its columns (AddColumnSums)");
        TensorPrimitives.Add(d.AsSpan(start, acc.Length), acc, acc);
    }

    /// <summary><paramref name="acc"/> += row² for the cells [start, start + acc.Length) of a double store, in double.</summary>
    public void AddRowSquares(int start, Span<double> acc)
    {
        var d = _double ?? throw new InvalidOperationException("a single store sums its columns (AddColumnSums)");
        var row = d.AsSpan(start, acc.Length);
        TensorPrimitives.FusedMultiplyAdd(row, row, acc, acc);
    }

    /// <summary>
    /// Per column, adds Σ G (and, when <paramref name="squares"/> is not empty, Σ G²) over the rows with
    /// <paramref name="v"/>_r ≠ 0 (every row when <paramref name="v"/> is empty) to the sums, in double, word line after word line: the same additions in the same
    /// order as <see cref="AddRow"/> row by row, so the same sums.
    /// </summary>
    public void AddColumnSums(ReadOnlySpan<double> v, Span<double> sums, Span<double> squares)
    {
        var g = _single ?? throw new InvalidOperationException("a double store sums row by row (AddRow)");
        for (int c = 0; c < _cols; c++)
        {
            var column = g.AsSpan(_offset + (c * _columnStride), _rows);
            double sum = sums[c], square = squares.IsEmpty ? 0 : squares[c];
            for (int r = 0; r < column.Length; r++)
            {
                if (v.IsEmpty || v[r] != 0)
                {
                    double x = column[r];
                    sum += x;
                    square += x * x;
                }
            }

            sums[c] = sum;
            if (!squares.IsEmpty)
            {
                squares[c] = square;
            }
        }
    }

    /// <summary>
    /// Per row, Σ_c G_rc in double, added column after column (what <see cref="SequentialSum"/> over the row gives, to
    /// the bit), in one pass over the store whatever its layout.
    /// </summary>
    public void RowSums(Span<double> sums)
    {
        sums.Clear();
        if (_double is { } d)
        {
            for (int r = 0; r < _rows; r++)
            {
                sums[r] = SequentialSum(r * _cols, _cols);
            }

            return;
        }

        for (int c = 0; c < _cols; c++)
        {
            var column = _single.AsSpan(_offset + (c * _columnStride), _rows);
            for (int r = 0; r < column.Length; r++)
            {
                sums[r] += column[r];
            }
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
        for (int i = start; i < start + count; i++)
        {
            sum += this[i];
        }

        return sum;
    }
}
