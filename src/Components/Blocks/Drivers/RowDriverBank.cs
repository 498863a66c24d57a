using Engram.Components.Arch;
using Engram.Components.Ledger;

namespace Engram.Components.Blocks.Drivers;

/// <summary>
/// The <c>row_driver</c> block: the drivers of an array's word lines and their <c>drive_row</c> action. Energy
/// per row per read: the profile's idle figure, plus its active-input share when the row is driven (NeuroSim;
/// ISAAC's DAC is input-blind); a <c>costs.row_driver</c> figure replaces both. Settling hides in the read pulse.
/// </summary>
public sealed class RowDriverBank
{
    private readonly BlockSite? _site;
    private readonly int _driveRow;

    public RowDriverBank(CostContext costs, int readCycles, long readPeriodPs, BlockSite? site = null)
    {
        var driver = costs.Library.RowDriver();
        ActiveJ = costs.Energy(BlockKinds.RowDriver, driver.Cost("drive_row_one").EnergyJ);
        IdleJ = costs.FixedEnergy(BlockKinds.RowDriver) ?? driver.Cost("drive_row").EnergyJ;
        AreaPerRowUm2 = costs.Area(BlockKinds.RowDriver, driver.AreaUm2);
        Driver = InputDrivers.For(costs.Spec.Periphery.DacBits);
        Source = costs.Source(BlockKinds.RowDriver, costs.ProfileSource);
        ReadCycles = readCycles;
        PeriodPs = readPeriodPs;
        ReadPs = readCycles * readPeriodPs;
        _site = site;
        _driveRow = site?.Ledger.Action("drive_row") ?? -1;
    }

    public IInputDriver Driver { get; }

    public double ActiveJ { get; }

    public double IdleJ { get; }

    public double AreaPerRowUm2 { get; }

    public string Source { get; }

    /// <summary>The crossbar's read pulse, which the drive lasts.</summary>
    public long ReadPs { get; }

    public int ReadCycles { get; }

    public long PeriodPs { get; }

    public double EnergyJ(long drives, long activeDrives) => (activeDrives * ActiveJ) + ((drives - activeDrives) * IdleJ);

    /// <summary>
    /// Charges <paramref name="drives"/> row drives, <paramref name="activeDrives"/> of them with a non-zero input,
    /// through the ledger slot the caller keeps for <paramref name="component"/>.
    /// </summary>
    internal void Charge(ref LedgerSlot slot, int component, long drives, long activeDrives)
    {
        var site = _site ?? throw new InvalidOperationException("the row drivers have no site: built for costing only");
        site.Ledger.Charge(ref slot, component, _driveRow, drives, EnergyJ(drives, activeDrives), site.Sim.Now, ReadPs);
    }

    public CostRow Row() =>
        new(BlockKinds.RowDriver, "drive_row", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Driver.Name}; input 0: {IdleJ * 1e15:G4} fJ"), ActiveJ, "", ReadCycles, PeriodPs, AreaPerRowUm2, Source);
}
