using Engram.Components.Arch;
using Engram.Components.Blocks.Drivers;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Training;

/// <summary>
/// The figures every training action of a chip uses, resolved once: the recall blocks (row drivers — also on the
/// columns for transposed reads —, crossbar cells, converters, shift-add, adder trees) plus the pulse generators and
/// the digital unit, the input driver and converter step, and the device card's write pulse.
/// </summary>
public sealed class TrainingBlocks
{
    public TrainingBlocks(ChipSpec spec, Simulation sim, EnergyLedger ledger)
    {
        Training = spec.Training ?? throw new ArgumentException($"{spec.File}: the chip has no training: section, so it has no training periphery");
        Spec = spec;
        Sim = sim;
        Ledger = ledger;
        Sites = new ChipSites(sim, ledger, spec.Clock);
        Chip = new ChipBlocks(spec);
        Generator = new PulseGenerator(Chip.Costs);
        Digital = new DigitalUnit(Chip.Costs, Training.DigitalLanes);
        Driver = InputDrivers.For(spec.Periphery.DacBits);
        if (Driver.Planes < 1 || spec.Periphery.DacBits < 2)
        {
            throw new ArgumentException($"{spec.File}: training drives graded inputs and errors, so periphery.dac_bits must be at least 2 (got {spec.Periphery.DacBits})");
        }

        AdcBits = spec.Periphery.AdcBits;
        int limit = AdcBits == 1 ? 1 : (1 << (AdcBits - 1)) - 1;
        CodeStep = Training.OutBound / limit;
        TransferCodeStep = Training.TransferOutBound / limit;
        var card = spec.Device.Card;
        WriteVoltageV = card.WritePulse.VoltageV;
        PulseWidthPs = card.WritePulse.WidthPs;
        ReadVoltageV = card.ReadVoltageV;
        ConvertPs = Chip.Adcs.Cycles * Chip.Adcs.PeriodPs;
        ColumnDrivers = new ColumnDrivers(Chip.Costs);
        Actions = new TrainingActionIds(ledger);
    }

    public ChipSpec Spec { get; }

    public TrainingSpec Training { get; }

    public Simulation Sim { get; }

    public EnergyLedger Ledger { get; }

    public ChipSites Sites { get; }

    /// <summary>The recall blocks' figures (costing only; training charges through <see cref="TileActions"/>).</summary>
    public ChipBlocks Chip { get; }

    public PulseGenerator Generator { get; }

    public DigitalUnit Digital { get; }

    public IInputDriver Driver { get; }

    public int AdcBits { get; }

    /// <summary>One converter code in weight·input units: <c>training.out_bound</c> over the largest code.</summary>
    public double CodeStep { get; }

    /// <summary>One code of a transfer read: <c>training.transfer_out_bound</c> over the largest code.</summary>
    public double TransferCodeStep { get; }

    public double WriteVoltageV { get; }

    public long PulseWidthPs { get; }

    public double ReadVoltageV { get; }

    public long ConvertPs { get; }

    public ColumnDrivers ColumnDrivers { get; }

    public TrainingActionIds Actions { get; }

    public int ArrayRows => Spec.Array.Rows;

    public int ArrayCols => Spec.Array.Cols;

    public int ColumnsPerAdc => Spec.Periphery.ColumnsPerAdc;

    /// <summary>Energy of <paramref name="pulses"/> pulses through a cell of conductance <paramref name="conductanceS"/> at <paramref name="voltageV"/>.</summary>
    public double PulseEnergyJ(double voltageV, double conductanceS, double pulses) => voltageV * voltageV * conductanceS * PulseWidthPs * 1e-12 * pulses;

    /// <summary>Throws when the chip lacks what pulse training needs, naming the YAML key.</summary>
    public void RequirePulseTraining(string algorithm)
    {
        if (!Training.Backward)
        {
            throw new ArgumentException($"{Spec.File}: training.backward is false: the chip has no column drivers and row converters, so it cannot read Wᵀd for {algorithm}");
        }

        if (!Training.PulseGenerators)
        {
            throw new ArgumentException($"{Spec.File}: training.pulse_generators is false: the chip cannot apply the parallel pulse update {algorithm} needs");
        }
    }
}

/// <summary>The ledger's action ids of the training actions.</summary>
public sealed class TrainingActionIds(EnergyLedger ledger)
{
    public int Read { get; } = ledger.Action("read");

    public int Pulse { get; } = ledger.Action("pulse");

    public int DriveRow { get; } = ledger.Action("drive_row");

    public int DriveColumn { get; } = ledger.Action("drive_column");

    public int Convert { get; } = ledger.Action("convert");

    public int ShiftAdd { get; } = ledger.Action("shift_add");

    public int Reduce { get; } = ledger.Action("reduce");

    public int Generate { get; } = ledger.Action("generate");
}
