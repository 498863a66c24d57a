using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Chips;

/// <summary>
/// Every per-action figure a chip charges, resolved once from its cost profile at its node and the YAML's
/// overrides, with latencies rounded up to whole cycles of the chip clock (the simulation is cycle-level).
/// Data-dependent terms (cell current, the ADC's column term) are computed per read from device states.
/// </summary>
public sealed class ChipCosts
{
    public ChipCosts(ChipSpec spec)
    {
        Spec = spec;
        PeriodPs = spec.Clock.PeriodPs;
        Library = new CostLibrary(spec.CostProfile, spec.Technology.NodeNm);
        var overrides = spec.CostOverrides;
        var p = spec.Periphery;

        ReadCycles = Cycles(p.ReadPulsePs);
        ReadVoltageV = spec.Device.Card.ReadVoltageV;

        // Row driver: NeuroSim's figure per row per read, with its active-input share; ISAAC's DAC is input-blind.
        var driver = Library.RowDriver();
        // A user figure per row per read replaces both the idle and the active-input share.
        RowDriveActiveJ = Override(overrides, "row_driver", driver.Cost("drive_row_one").EnergyJ);
        RowDriveIdleJ = OverrideEnergy(overrides, "row_driver") ?? driver.Cost("drive_row").EnergyJ;
        RowDriverAreaUm2 = OverrideArea(overrides, "row_driver", driver.AreaUm2);

        Adc = Library.Adc(p.AdcType == AdcType.Sar ? AdcKind.Sar : AdcKind.Flash, p.AdcBits, 1e12 / Math.Max(PeriodPs, 1));
        AdcFixedEnergyJ = OverrideEnergy(overrides, "adc");
        AdcCycles = Cycles(OverrideLatency(overrides, "adc", Adc.ConversionLatencyPs));
        AdcAreaUm2 = OverrideArea(overrides, "adc", Adc.AreaUm2);
        AdcWarning = AdcLimits.Check(AdcFixedEnergyJ ?? Adc.Cost("convert").EnergyJ, p.AdcBits, AdcFixedEnergyJ is null ? $"{Adc.Kind} ({Adc.Profile})" : "adc (costs override)");

        // The column current is charged once: in the converter when its model folds it in (NeuroSim), else in the cells.
        CurrentInConverter = AdcFixedEnergyJ is null && Adc.Convention == ColumnCurrentConvention.InConverter;
        // ISAAC publishes its crossbar's read energy, not per-cell currents: an equal share per conducting cell.
        CellReadFixedEnergyJ = OverrideEnergy(overrides, "cell_read")
            ?? (Adc.Convention == ColumnCurrentConvention.InArray ? ((IsaacCrossbarCost)Library.Cells()).PerCellReadEnergyJ : null);
        CellAreaUm2 = OverrideArea(overrides, "cell_read", Library.Cells().AreaUm2);

        // Neuron: sign compares the ADC code with zero on a B-bit adder; tanh is a piecewise-linear unit on a
        // 16-bit adder plus an 8:1 segment mux (Engram assumptions, priced with the profile's NeuroSim figures).
        var adder = p.Neuron == NeuronFunction.Sign ? Library.Adder(p.AdcBits) : Library.Adder(16);
        var neuronEnergy = adder.Cost("add").EnergyJ + (p.Neuron == NeuronFunction.Tanh ? Library.Mux().Cost("select").EnergyJ : 0);
        var neuronLatencyPs = adder.Cost("add").LatencyPs;
        NeuronAreaUm2 = adder.AreaUm2 + (p.Neuron == NeuronFunction.Tanh ? Library.Mux().AreaUm2 : 0);
        NeuronSource = overrides.TryGetValue("neuron", out var neuronOverride)
            ? $"override: {neuronOverride.Source}"
            : p.Neuron == NeuronFunction.Sign
                ? $"Engram assumption: a {p.AdcBits}-bit adder compares the code with 0 ({spec.CostProfile} adder at {spec.Technology.NodeNm:G4} nm)"
                : $"Engram assumption: piecewise-linear tanh = 16-bit adder + 8:1 mux ({spec.CostProfile} figures at {spec.Technology.NodeNm:G4} nm)";
        Neuron = new ActionTiming(Override(overrides, "neuron", neuronEnergy), Cycles(OverrideLatency(overrides, "neuron", neuronLatencyPs)));
        NeuronAreaUm2 = OverrideArea(overrides, "neuron", NeuronAreaUm2);

        var register = Library.Register(1);
        RegisterBitJ = Override(overrides, "register", register.Cost("write").EnergyJ);
        RegisterBitAreaUm2 = OverrideArea(overrides, "register", register.AreaUm2);

        var shiftAdd = Library.ShiftAdd();
        ShiftAdd = new ActionTiming(Override(overrides, "shift_add", shiftAdd.Cost("shift_add").EnergyJ), Cycles(OverrideLatency(overrides, "shift_add", shiftAdd.Cost("shift_add").LatencyPs)));
        ShiftAddAreaUm2 = OverrideArea(overrides, "shift_add", shiftAdd.AreaUm2);
        ShiftAddLeakageW = shiftAdd.LeakageW;

        WireBitJ = Override(overrides, "wire", Library.Wire(spec.Interconnect.HopLengthUm, spec.Technology.VddV).Cost(WireCost.Transfer).EnergyJ);
        Controller = new ActionTiming(Override(overrides, "controller", spec.Controller.IssueEnergyJ), spec.Controller.IssueCycles);
        HostRoundTripCycles = spec.Controller.Placement == ControllerPlacement.OffChip ? Cycles(spec.Controller.HostRoundTripPs) : 0;
        _overrides = overrides;
    }

    private readonly IReadOnlyDictionary<string, CostOverride> _overrides;

    public ChipSpec Spec { get; }

    public CostLibrary Library { get; }

    public long PeriodPs { get; }

    public double ReadVoltageV { get; }

    public int ReadCycles { get; }

    public double RowDriveIdleJ { get; }

    public double RowDriveActiveJ { get; }

    public double RowDriverAreaUm2 { get; }

    public IAdcCostModel Adc { get; }

    public double AdcAreaUm2 { get; }

    /// <summary>The physical-limit warning of the configured converter (costs.md), or null when it is plausible.</summary>
    public string? AdcWarning { get; }

    public int AdcCycles { get; }

    /// <summary>A user-fixed energy per conversion; null when the profile's model (with its column term) applies.</summary>
    public double? AdcFixedEnergyJ { get; }

    /// <summary>True when the converter's energy carries the column current (NeuroSim), so cells charge only unconverted columns.</summary>
    public bool CurrentInConverter { get; }

    /// <summary>A user-fixed energy per conducting cell per read; null when V²·G·t of the real device applies.</summary>
    public double? CellReadFixedEnergyJ { get; }

    public double CellAreaUm2 { get; }

    public ActionTiming Neuron { get; }

    public double NeuronAreaUm2 { get; }

    /// <summary>Where the neuron's figures come from: no profile publishes a neuron, so they are an assumption priced from its adders.</summary>
    public string NeuronSource { get; }

    public double RegisterBitJ { get; }

    public double RegisterBitAreaUm2 { get; }

    public ActionTiming ShiftAdd { get; }

    public double ShiftAddAreaUm2 { get; }

    public double ShiftAddLeakageW { get; }

    public double WireBitJ { get; }

    public ActionTiming Controller { get; }

    public int HostRoundTripCycles { get; }

    public double HostRoundTripEnergyJ => Spec.Controller.Placement == ControllerPlacement.OffChip ? Spec.Controller.HostRoundTripEnergyJ : 0;

    /// <summary>One conversion of a column whose driven cells conduct <paramref name="columnConductanceS"/> in total.</summary>
    public double ConversionEnergyJ(double columnConductanceS) =>
        AdcFixedEnergyJ ?? Adc.ConversionEnergyJ(CurrentInConverter ? columnConductanceS : 0, ReadVoltageV);

    /// <summary>Ohmic energy of cells conducting <paramref name="readPowerW"/> (Σ V²G) for one read pulse, or the fixed per-cell figure.</summary>
    public double CellEnergyJ(double readPowerW, long conductingCells) =>
        CellReadFixedEnergyJ is double perCell ? perCell * conductingCells : readPowerW * ReadCycles * PeriodPs * 1e-12;

    /// <summary>Adder tree reducing <paramref name="inputs"/> partial sums (none needed for one).</summary>
    public ActionTiming AdderTree(int inputs)
    {
        if (inputs < 2)
        {
            return default;
        }

        var tree = Library.AdderTree(inputs);
        return new ActionTiming(Override(_overrides, "adder_tree", tree.Cost("reduce").EnergyJ), Cycles(OverrideLatency(_overrides, "adder_tree", tree.Cost("reduce").LatencyPs)));
    }

    public double AdderTreeAreaUm2(int inputs) => inputs < 2 ? 0 : OverrideArea(_overrides, "adder_tree", Library.AdderTree(inputs).AreaUm2);

    /// <summary>Whole cycles covering <paramref name="latencyPs"/> (0 stays 0).</summary>
    public int Cycles(double latencyPs) => latencyPs <= 0 ? 0 : checked((int)Math.Ceiling(latencyPs / PeriodPs - 1e-9));

    private static double Override(IReadOnlyDictionary<string, CostOverride> overrides, string kind, double value) =>
        OverrideEnergy(overrides, kind) ?? value;

    private static double? OverrideEnergy(IReadOnlyDictionary<string, CostOverride> overrides, string kind) =>
        overrides.TryGetValue(kind, out var o) ? o.EnergyJ : null;

    private static double OverrideLatency(IReadOnlyDictionary<string, CostOverride> overrides, string kind, double value) =>
        overrides.TryGetValue(kind, out var o) && o.LatencyPs is double l ? l : value;

    private static double OverrideArea(IReadOnlyDictionary<string, CostOverride> overrides, string kind, double value) =>
        overrides.TryGetValue(kind, out var o) && o.AreaUm2 is double a ? a : value;
}
