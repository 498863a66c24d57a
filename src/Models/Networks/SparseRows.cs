namespace Engram.Models.Networks;

/// <summary>
/// The nonzero cells of a square weight matrix, row by row in ascending column order (compressed sparse rows): a stuck-at-0
/// cell or the diagonal adds nothing to a field, and at a stuck rate of 0.5 about half the cells are such.
/// </summary>
internal sealed class SparseRows
{
    public SparseRows(ReadOnlySpan<double> weights, int n)
    {
        var columns = new List<int>();
        var values = new List<double>();
        RowStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            RowStart[i] = columns.Count;
            for (int j = 0; j < n; j++)
            {
                double w = weights[(i * n) + j];
                if (w != 0)
                {
                    columns.Add(j);
                    values.Add(w);
                }
            }
        }

        RowStart[n] = columns.Count;
        Columns = [.. columns];
        Weights = [.. values];
    }

    /// <summary>Per row, the index of its first cell; one extra entry closes the last row.</summary>
    public int[] RowStart { get; }

    /// <summary>Each cell's column.</summary>
    public int[] Columns { get; }

    /// <summary>Each cell's weight.</summary>
    public double[] Weights { get; }
}
