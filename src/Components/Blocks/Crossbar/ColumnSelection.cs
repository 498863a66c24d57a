namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// Which output columns of a layer a read converts: all of them (a synchronous iteration), one (an asynchronous
/// update) or a group (ascending, distinct). Word lines reach the whole layer either way; only the arrays that
/// hold a selected column are sensed.
/// </summary>
public readonly struct ColumnSelection
{
    private readonly int[]? _columns;
    private readonly int _single;

    private ColumnSelection(int[]? columns, int count, int single)
    {
        _columns = columns;
        Count = count;
        _single = single;
    }

    public static ColumnSelection All => new(null, -1, -1);

    public static ColumnSelection One(int column) => column >= 0 ? new(null, 1, column) : throw new ArgumentOutOfRangeException(nameof(column));

    /// <summary>The first <paramref name="count"/> entries of <paramref name="columns"/>, which must be ascending and distinct.</summary>
    public static ColumnSelection Of(int[] columns, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, columns.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(columns[0]);
        for (int i = 1; i < count; i++)
        {
            if (columns[i] <= columns[i - 1])
            {
                throw new ArgumentException("selected columns must be ascending and distinct", nameof(columns));
            }
        }

        return count == 1 ? One(columns[0]) : new(columns, count, -1);
    }

    public bool IsAll => Count < 0;

    /// <summary>Selected columns (meaningless for <see cref="All"/>).</summary>
    public int Count { get; }

    public int this[int i] => _columns is null ? _single : _columns[i];
}
