using Engram.Models.Costs;

namespace Engram.Components.Blocks.Training;

/// <summary>
/// The <c>column_driver</c> block: drivers on the bit lines, for transposed reads and the column side of pulse
/// updates. They are the profile's row-driver circuit (input 1 / input 0), unless <c>costs.column_driver</c> fixes one figure.
/// </summary>
public sealed class ColumnDrivers
{
    public ColumnDrivers(CostContext costs)
    {
        var driver = costs.Library.RowDriver();
        ActiveJ = costs.Energy(BlockKinds.ColumnDriver, driver.Cost(RowDriverCost.DriveRowOne).EnergyJ);
        IdleJ = costs.FixedEnergy(BlockKinds.ColumnDriver) ?? driver.Cost(RowDriverCost.DriveRow).EnergyJ;
        AreaPerColumnUm2 = costs.Area(BlockKinds.ColumnDriver, driver.AreaUm2);
        Source = costs.Source(BlockKinds.ColumnDriver, costs.ProfileSource);
    }

    public double ActiveJ { get; }

    public double IdleJ { get; }

    public double AreaPerColumnUm2 { get; }

    public string Source { get; }

    /// <summary><paramref name="drives"/> column drives, <paramref name="activeDrives"/> of them with a non-zero input.</summary>
    public double EnergyJ(long drives, long activeDrives) => (activeDrives * ActiveJ) + ((drives - activeDrives) * IdleJ);

    public CostRow Row() => new(BlockKinds.ColumnDriver, "drive_column", "row-driver circuit on the bit lines", ActiveJ, "", 0, 0, AreaPerColumnUm2, Source);
}
