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
}
