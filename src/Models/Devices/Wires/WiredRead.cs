namespace Engram.Models.Devices.Wires;

/// <summary>
/// A read of a device array through its wires: the cells' conductances (with fresh read noise on the driven rows,
/// drawn in the order an ideal read draws them) are put into the <see cref="WireNetwork"/>, which gives the sensed
/// column currents and where the power goes. Rows at 0 V are part of the network (they carry sneak currents).
/// </summary>
public sealed class WiredRead(WireNetwork network, int cells)
{
    private readonly double[] _conductancesS = new double[cells];

    public WireNetwork Network { get; } = network;

    /// <summary>Reads <paramref name="array"/>: writes every column's current; returns the power in the cells and in the wires (W).</summary>
    public (double CellPowerW, double WirePowerW) Read(DeviceArray array, ReadOnlySpan<double> rowVoltagesV, Span<double> columnCurrentsA, Random? noise)
    {
        for (int r = 0; r < array.Rows; r++)
        {
            bool driven = rowVoltagesV[r] != 0;
            for (int c = 0; c < array.Cols; c++)
            {
                _conductancesS[array.CellIndex(r, c)] = array.ReadConductance(r, c, driven ? noise : null);
            }
        }

        Network.Solve(rowVoltagesV, _conductancesS, columnCurrentsA);
        return (Network.CellPowerW(_conductancesS), Network.WirePowerW(rowVoltagesV));
    }

    /// <summary>The power in the cells of column <paramref name="col"/> of the last read (W).</summary>
    public double ColumnCellPowerW(int col) => Network.ColumnCellPowerW(_conductancesS, col);
}
