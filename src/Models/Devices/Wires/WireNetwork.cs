namespace Engram.Models.Devices.Wires;

/// <summary>
/// A crossbar with resistive wires, solved as its resistive network (IR drop). Row i is driven at its first
/// column by V_i through the driver resistance; each row and column wire has a resistance per cell segment;
/// each column is sensed at its last row into virtual ground through the sense resistance. Cell (i, j) joins
/// row node x_ij and column node y_ij with conductance G_ij. Kirchhoff's current law at every node is solved by
/// alternating line relaxation (each row's nodes as one tridiagonal solve given the columns, then each column's
/// given the rows, until the largest node change is below the tolerance), as CrossSim's iterative solver does.
/// With zero wire, driver and sense resistance the network is ideal and <see cref="Solve"/> is not needed:
/// callers keep the exact I = Σ V·G path (today's results) in that case.
/// </summary>
public sealed class WireNetwork
{
    private readonly int _rows;
    private readonly int _cols;
    private readonly double _gRow, _gCol, _gIn, _gOut;
    private readonly double[] _x, _y;
    private readonly double[] _a, _b, _c, _d;

    /// <param name="rowSegmentOhm">Row wire resistance per cell segment (also between the driver and the first cell).</param>
    /// <param name="colSegmentOhm">Column wire resistance per cell segment (also between the last cell and the sense amplifier).</param>
    public WireNetwork(int rows, int cols, double rowSegmentOhm, double colSegmentOhm, double driverOhm = 0, double senseOhm = 0)
    {
        if (!(rowSegmentOhm > 0 && colSegmentOhm > 0 && driverOhm >= 0 && senseOhm >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(rowSegmentOhm), "wire segments need a resistance > 0 ohm (0 is the ideal array: no network to solve); driver and sense >= 0");
        }

        _rows = rows;
        _cols = cols;
        _gRow = 1 / rowSegmentOhm;
        _gCol = 1 / colSegmentOhm;
        _gIn = 1 / (driverOhm + rowSegmentOhm);
        _gOut = 1 / (senseOhm + colSegmentOhm);
        _x = new double[rows * cols];
        _y = new double[rows * cols];
        int longest = Math.Max(rows, cols);
        (_a, _b, _c, _d) = (new double[longest], new double[longest], new double[longest], new double[longest]);
    }

    /// <summary>Row-node voltages after <see cref="Solve"/> (row-major).</summary>
    public ReadOnlySpan<double> RowNodesV => _x;

    /// <summary>Column-node voltages after <see cref="Solve"/> (row-major).</summary>
    public ReadOnlySpan<double> ColumnNodesV => _y;

    /// <summary>
    /// Solves the network for row voltages <paramref name="rowVoltagesV"/> and conductances
    /// <paramref name="conductancesS"/> (row-major), writes each column's sensed current, and returns the sweeps it took.
    /// </summary>
    public int Solve(ReadOnlySpan<double> rowVoltagesV, ReadOnlySpan<double> conductancesS, Span<double> columnCurrentsA, double toleranceV = 1e-12, int maxSweeps = 10_000)
    {
        for (int i = 0; i < _rows; i++)
        {
            _x.AsSpan(i * _cols, _cols).Fill(rowVoltagesV[i]);
        }

        Array.Clear(_y);
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double change = 0;
            for (int i = 0; i < _rows; i++)
            {
                change = Math.Max(change, SolveRow(i, rowVoltagesV[i], conductancesS));
            }

            for (int j = 0; j < _cols; j++)
            {
                change = Math.Max(change, SolveColumn(j, conductancesS));
            }

            if (change < toleranceV)
            {
                for (int j = 0; j < _cols; j++)
                {
                    columnCurrentsA[j] = _y[((_rows - 1) * _cols) + j] * _gOut;
                }

                return sweep;
            }
        }

        throw new InvalidOperationException($"the wire network did not converge in {maxSweeps} sweeps (tolerance {toleranceV} V)");
    }

    /// <summary>Power dissipated in the wires, driver and sense resistances (W) of the last solution.</summary>
    public double WirePowerW(ReadOnlySpan<double> rowVoltagesV)
    {
        double p = 0;
        for (int i = 0; i < _rows; i++)
        {
            double drop = rowVoltagesV[i] - _x[i * _cols];
            p += drop * drop * _gIn;
            for (int j = 1; j < _cols; j++)
            {
                double d = _x[(i * _cols) + j - 1] - _x[(i * _cols) + j];
                p += d * d * _gRow;
            }
        }

        for (int j = 0; j < _cols; j++)
        {
            for (int i = 1; i < _rows; i++)
            {
                double d = _y[((i - 1) * _cols) + j] - _y[(i * _cols) + j];
                p += d * d * _gCol;
            }

            double last = _y[((_rows - 1) * _cols) + j];
            p += last * last * _gOut;
        }

        return p;
    }

    /// <summary>Power dissipated in the cells (W) of the last solution.</summary>
    public double CellPowerW(ReadOnlySpan<double> conductancesS)
    {
        double p = 0;
        for (int k = 0; k < _x.Length; k++)
        {
            double d = _x[k] - _y[k];
            p += d * d * conductancesS[k];
        }

        return p;
    }

    /// <summary>Power dissipated in the cells of column <paramref name="col"/> (W) of the last solution.</summary>
    public double ColumnCellPowerW(ReadOnlySpan<double> conductancesS, int col)
    {
        double p = 0;
        for (int i = 0; i < _rows; i++)
        {
            int k = (i * _cols) + col;
            double d = _x[k] - _y[k];
            p += d * d * conductancesS[k];
        }

        return p;
    }

    // KCL along row i given its column nodes: g_in(V - x0) + g_row(x_{j-1} - x_j) + g_row(x_{j+1} - x_j) = G_j (x_j - y_j).
    private double SolveRow(int i, double drive, ReadOnlySpan<double> g)
    {
        int n = _cols, at = i * _cols;
        for (int j = 0; j < n; j++)
        {
            double left = j == 0 ? _gIn : _gRow, right = j == n - 1 ? 0 : _gRow, cell = g[at + j];
            _a[j] = j == 0 ? 0 : -_gRow;
            _c[j] = j == n - 1 ? 0 : -_gRow;
            _b[j] = left + right + cell;
            _d[j] = (cell * _y[at + j]) + (j == 0 ? _gIn * drive : 0);
        }

        return Thomas(n, _x.AsSpan(at, n), 1);
    }

    // KCL along column j given its row nodes; the last node drains into virtual ground through g_out.
    private double SolveColumn(int j, ReadOnlySpan<double> g)
    {
        int n = _rows;
        for (int i = 0; i < n; i++)
        {
            double up = i == 0 ? 0 : _gCol, down = i == n - 1 ? _gOut : _gCol, cell = g[(i * _cols) + j];
            _a[i] = i == 0 ? 0 : -_gCol;
            _c[i] = i == n - 1 ? 0 : -_gCol;
            _b[i] = up + down + cell;
            _d[i] = cell * _x[(i * _cols) + j];
        }

        return Thomas(n, _y.AsSpan(j), _cols);
    }

    /// <summary>Solves the tridiagonal system in _a, _b, _c, _d into every <paramref name="stride"/>-th entry of <paramref name="into"/>; returns the largest change.</summary>
    private double Thomas(int n, Span<double> into, int stride)
    {
        for (int k = 1; k < n; k++)
        {
            double m = _a[k] / _b[k - 1];
            _b[k] -= m * _c[k - 1];
            _d[k] -= m * _d[k - 1];
        }

        double change = 0, next = 0;
        for (int k = n - 1; k >= 0; k--)
        {
            double value = (_d[k] - (k == n - 1 ? 0 : _c[k] * next)) / _b[k];
            change = Math.Max(change, Math.Abs(value - into[k * stride]));
            into[k * stride] = value;
            next = value;
        }

        return change;
    }
}
