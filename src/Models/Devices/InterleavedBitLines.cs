namespace Engram.Models.Devices;

/// <summary>
/// The single-precision cells, and the kept per-bit-line sums, of several arrays of one shape in one buffer, bit line
/// by bit line: bit line c of array a holds cells [(c·arrays + a)·rows, + rows). An asynchronous update reads one bit
/// line of every array of a column block, one array after another; interleaved, those bit lines are one contiguous
/// run the memory streams, instead of one page per array (measured at N = 16,384, docs/devices.md). Each array
/// still sees its own rows × cols cells through <see cref="BitLinePlace"/>; only the layout changes, not a value.
/// </summary>
public sealed class InterleavedBitLines
{
    public InterleavedBitLines(int arrays, int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arrays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        Arrays = arrays;
        Rows = rows;
        Cols = cols;
        Cells = new float[checked(arrays * rows * cols)];
        Sums = new double[checked(2 * arrays * cols)];
    }

    /// <summary>Arrays sharing the buffer.</summary>
    public int Arrays { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Every array's cells, bit line c of array a at (c·<see cref="Arrays"/> + a)·<see cref="Rows"/>.</summary>
    internal float[] Cells { get; }

    /// <summary>Per bit line (c, a), Σ G then Σ G² at 2·(c·<see cref="Arrays"/> + a).</summary>
    internal double[] Sums { get; }

    // Arrays placed here whose kept sums no longer match their cells (each array counts itself in and out).
    private int _staleArrays;

    /// <summary>
    /// Whether the kept sums of every array placed here match its cells, so that <see cref="ReadDrivenColumn"/> may read
    /// them; when not, each array's <see cref="DeviceArray.PrecomputeColumnSums"/> takes its own.
    /// </summary>
    public bool SumsCurrent => Volatile.Read(ref _staleArrays) == 0;

    // Arrays are built and programmed in parallel, several of one buffer at once.
    internal void SumsWentStale() => Interlocked.Increment(ref _staleArrays);

    internal void SumsTaken() => Interlocked.Decrement(ref _staleArrays);

    /// <summary>
    /// Every array's column currents for its own word lines: <paramref name="currentsA"/>[a][c] is bit line (c, a)'s dot
    /// product with <paramref name="rowVoltagesV"/>[a·rows, + rows), what array a's <see cref="DeviceArray.ReadCurrents"/>
    /// gives without noise (the same bits), taken in one pass over the buffer in memory order instead of array by array
    /// (whose bit lines lie <see cref="Arrays"/>·rows cells apart). The arrays' cells must be current (<see cref="SumsCurrent"/>).
    /// </summary>
    public void ReadAllCurrents(ReadOnlySpan<float> rowVoltagesV, double[][] currentsA)
    {
        if (!SumsCurrent)
        {
            throw new InvalidOperationException("an array of these bit lines was written since its sums were taken (PrecomputeColumnSums)");
        }

        if (rowVoltagesV.Length != Arrays * Rows || currentsA.Length != Arrays || !AllOfLength(currentsA, Cols))
        {
            throw new ArgumentException($"expected {Arrays} x {Rows} word lines and {Arrays} x {Cols} currents", nameof(currentsA));
        }

        var cells = Cells.AsSpan();
        int run = Arrays * Rows;
        if (Arrays < 4)
        {
            // Too few arrays to reduce four bit lines of one column at once: four columns of one array at once instead.
            for (int a = 0; a < Arrays; a++)
            {
                SingleDot.OfEach(cells[(a * Rows)..], run, rowVoltagesV.Slice(a * Rows, Rows), currentsA[a]);
            }

            return;
        }

        // Bit line c of every array, one after another, each with its own array's word lines.
        Span<double> dots = Arrays <= 256 ? stackalloc double[Arrays] : new double[Arrays];
        for (int c = 0; c < Cols; c++)
        {
            SingleDot.OfEachPair(cells.Slice(c * run, run), rowVoltagesV, Rows, dots);
            for (int a = 0; a < Arrays; a++)
            {
                currentsA[a][c] = dots[a];
            }
        }
    }

    /// <summary>
    /// Array <paramref name="array"/>'s first <c>conductancesS.Length</c> bit lines, every word line at one |V| (V² =
    /// <paramref name="squareV2"/>), from the kept sums, added as a whole read of its crossbar adds its arrays: each bit
    /// line's Σ G to <paramref name="conductancesS"/> and its read-noise variance weight·σ²·V²·Σ G² to
    /// <paramref name="variancesA2"/> (what <see cref="DeviceArray.DrivenConductanceSums"/> and
    /// <see cref="DeviceArray.AddReadNoiseVariance"/> give it); the <paramref name="first"/> array sets the conductances
    /// and adds its variances to 0.
    /// </summary>
    public void AddDrivenSums(int array, double weight, double sigma, double squareV2, bool first, Span<double> conductancesS, Span<double> variancesA2)
    {
        if (!SumsCurrent)
        {
            throw new InvalidOperationException("an array of these bit lines was written since its sums were taken (PrecomputeColumnSums)");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(array);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(array, Arrays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(conductancesS.Length, Cols, nameof(conductancesS));
        if (variancesA2.Length != conductancesS.Length)
        {
            throw new ArgumentException($"expected {conductancesS.Length} variances, got {variancesA2.Length}", nameof(variancesA2));
        }

        double factor = DrivenColumn.VarianceFactor(weight, sigma, squareV2);
        var sums = Sums.AsSpan();
        int slot = 2 * array, stride = 2 * Arrays;
        for (int c = 0; c < conductancesS.Length; c++, slot += stride)
        {
            if (first)
            {
                conductancesS[c] = sums[slot];
                variancesA2[c] = 0;
            }
            else
            {
                conductancesS[c] += sums[slot];
            }

            variancesA2[c] += factor * sums[slot + 1];
        }
    }

    // Checked on every whole read: a loop, not a captured lambda (a delegate per call).
    private static bool AllOfLength(double[][] rows, int length)
    {
        foreach (var row in rows)
        {
            if (row.Length != length)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Bit line <paramref name="col"/> of array <paramref name="array"/> with every word line at one |V|, straight from
    /// the buffer: what that array's <see cref="DeviceArray.ReadDrivenColumn"/> gives (the same bits), without going
    /// through the array. A read of one column of every row block reads it for each array in turn, one contiguous run.
    /// </summary>
    /// <param name="sigma">The arrays' relative read-noise σ (their card's).</param>
    public double ReadDrivenColumn(int array, int col, ReadOnlySpan<float> rowVoltagesV, double squareV2, double sigma, out double powerW, out double drivenS, out double noiseVarianceA2)
    {
        if (!SumsCurrent)
        {
            throw new InvalidOperationException("an array of these bit lines was written since its sums were taken (PrecomputeColumnSums)");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(array);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(array, Arrays);
        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Cols);
        int line = (col * Arrays) + array;
        return DrivenColumn.Read(Cells.AsSpan(line * Rows, Rows), rowVoltagesV, Sums[2 * line], Sums[(2 * line) + 1], squareV2, sigma, out powerW, out drivenS, out noiseVarianceA2);
    }
}
