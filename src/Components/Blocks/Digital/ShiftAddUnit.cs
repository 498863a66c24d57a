using Engram.Components.Arch;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Digital;

/// <summary>
/// The <c>shift_add</c> block: one per converter when inputs are bit-serial, adding each plane's codes into the
/// running sum (<c>shift_add</c> action); the profile's shift-add figures (NeuroSim's publishes a leakage).
/// </summary>
public sealed class ShiftAddUnit
{
    public ShiftAddUnit(CostContext costs, BlockSite? site = null)
    {
        var model = costs.Library.ShiftAdd();
        (EnergyJ, int cycles) = costs.Action(BlockKinds.ShiftAdd, model, "shift_add");
        AreaUm2 = costs.Area(BlockKinds.ShiftAdd, model.AreaUm2);
        LeakageW = model.LeakageW;
        PeriodPs = costs.PeriodPs(BlockKinds.ShiftAdd);
        Source = costs.Source(BlockKinds.ShiftAdd, costs.ProfileSource);
        Action = new TimedAction(site, "shift_add", cycles);
    }

    public double EnergyJ { get; }

    public double AreaUm2 { get; }

    public double LeakageW { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    public TimedAction Action { get; }

    /// <summary>Shift-add units of a layer: one per converter when the inputs are bit-serial, else none.</summary>
    public static int UnitsOf(ChipSpec spec, int macros, int adcsPerMacro) => spec.Periphery.DacBits > 1 ? macros * adcsPerMacro : 0;

    public IEnumerable<Wait> Add(int component, long adds) => Action.Run(component, adds, adds * EnergyJ);

    public CostRow Row() => new(BlockKinds.ShiftAdd, "shift_add", "per converted value and plane", EnergyJ, "", Action.Cycles, PeriodPs, AreaUm2, Source);
}
