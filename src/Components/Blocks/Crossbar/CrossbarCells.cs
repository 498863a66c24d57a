using Engram.Components.Arch;
using Engram.Components.Ledger;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The <c>crossbar</c> block's figures and its <c>read</c> action: the ohmic energy V²·G·t of every conducting
/// cell for one read pulse, or a fixed figure per conducting cell (a <c>costs.crossbar</c> override, or ISAAC's
/// published array read energy shared per cell). The column current is charged once: not here when the
/// converter's model carries it (<see cref="CurrentInConverter"/>).
/// </summary>
public sealed class CrossbarCells
{
    private readonly BlockSite? _site;
    private readonly int _read;
    private readonly int _wireLoss;

    public CrossbarCells(CostContext costs, ColumnCurrentConvention adcConvention, bool adcEnergyFixed, BlockSite? site = null)
    {
        var cells = costs.Library.Cells();
        CurrentInConverter = !adcEnergyFixed && adcConvention == ColumnCurrentConvention.InConverter;
        FixedEnergyPerCellJ = costs.FixedEnergy(BlockKinds.Crossbar)
            ?? (adcConvention == ColumnCurrentConvention.InArray && cells is IsaacCrossbarCost isaac ? isaac.PerCellReadEnergyJ : null);
        CellAreaUm2 = costs.Area(BlockKinds.Crossbar, cells.AreaUm2);
        ReadCycles = costs.Cycles(BlockKinds.Crossbar, costs.Spec.Periphery.ReadPulsePs);
        PeriodPs = costs.PeriodPs(BlockKinds.Crossbar);
        Source = FixedEnergyPerCellJ is null ? $"device card {costs.Spec.Device.Card.Name}" : costs.Source(BlockKinds.Crossbar, costs.ProfileSource);
        _site = site;
        _read = site?.Ledger.Action("read") ?? -1;
        _wireLoss = site?.Ledger.Action("wire_loss") ?? -1;
    }

    /// <summary>True when the converter's energy carries the column current, so cells charge only unconverted columns.</summary>
    public bool CurrentInConverter { get; }

    /// <summary>A fixed energy per conducting cell per read; null when V²·G·t of the real devices applies.</summary>
    public double? FixedEnergyPerCellJ { get; }

    public double CellAreaUm2 { get; }

    public int ReadCycles { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    /// <summary>The read pulse in ticks.</summary>
    public long ReadPs => ReadCycles * PeriodPs;

    /// <summary>Energy of cells dissipating <paramref name="readPowerW"/> (Σ V²G) for one read pulse, or the fixed per-cell figure.</summary>
    public double EnergyJ(double readPowerW, long conductingCells) =>
        FixedEnergyPerCellJ is double perCell ? perCell * conductingCells : readPowerW * ReadCycles * PeriodPs * 1e-12;

    /// <summary>
    /// Charges one read of <paramref name="conductingCells"/> cells of the crossbar at ledger component
    /// <paramref name="component"/>, through the ledger slot the caller keeps for it.
    /// </summary>
    internal void ChargeRead(ref LedgerSlot slot, int component, long conductingCells, double readPowerW)
    {
        var site = _site ?? throw new InvalidOperationException("the crossbar has no site: built for costing only");
        site.Ledger.Charge(ref slot, component, _read, conductingCells, EnergyJ(readPowerW, conductingCells), site.Sim.Now, ReadPs);
    }

    /// <summary>
    /// Charges the I²R loss of the wires, drivers and sense paths of one read (arrays with resistive wires only),
    /// through the ledger slot the caller keeps for <paramref name="component"/>.
    /// </summary>
    internal void ChargeWires(ref LedgerSlot slot, int component, double wirePowerW)
    {
        var site = _site ?? throw new InvalidOperationException("the crossbar has no site: built for costing only");
        site.Ledger.Charge(ref slot, component, _wireLoss, 1, wirePowerW * ReadCycles * PeriodPs * 1e-12, site.Sim.Now, ReadPs);
    }

    public CostRow Row(ChipSpec spec)
    {
        var card = spec.Device.Card;
        return FixedEnergyPerCellJ is double e
            ? new CostRow(BlockKinds.Crossbar, "read", "per conducting cell", e, "", ReadCycles, PeriodPs, CellAreaUm2, Source)
            : new CostRow(BlockKinds.Crossbar, "read", "per conducting cell", card.ReadVoltageV * card.ReadVoltageV * card.GmaxS * ReadCycles * PeriodPs * 1e-12, "V^2·G·t, shown at Gmax", ReadCycles, PeriodPs, CellAreaUm2, Source);
    }
}
