using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Blocks.Adc;
using Engram.Components.Blocks.Control;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Digital;
using Engram.Components.Blocks.Drivers;
using Engram.Components.Blocks.Neurons;

namespace Engram.Components.Chips;

/// <summary>
/// The blocks of a chip with their figures, resolved once from its description: the per-array blocks shared by
/// every macro (crossbar cells, row drivers, ADCs, shift-add), the interconnect and adder trees of the layers,
/// and the chip-level neurons, state register and controller. Built without <see cref="ChipSites"/> it only costs
/// (area, cost table); with them the blocks can act.
/// </summary>
public sealed class ChipBlocks
{
    private readonly ChipSites? _sites;
    private readonly Dictionary<int, AdderTree> _trees = [];

    public ChipBlocks(ChipSpec spec, ChipSites? sites = null)
    {
        _sites = sites;
        Costs = new CostContext(spec);
        Adcs = new AdcBank(Costs, sites?.Of(BlockKinds.Adc));
        Cells = new CrossbarCells(Costs, Adcs.Adc.Convention, Adcs.FixedEnergyJ is not null, sites?.Of(BlockKinds.Crossbar));
        Drivers = new RowDriverBank(Costs, Cells.ReadCycles, Cells.PeriodPs, sites?.Of(BlockKinds.Crossbar));
        ShiftAdd = new ShiftAddUnit(Costs, sites?.Of(BlockKinds.ShiftAdd));
        Link = new InterconnectLink(Costs, sites?.Of(BlockKinds.Interconnect));
        Neurons = new NeuronUnits(Costs, sites?.Of(BlockKinds.Neuron));
        Register = new StateRegister(Costs, sites?.Of(BlockKinds.StateRegister));
        Controller = new Controller(Costs, sites?.Of(BlockKinds.Controller));
    }

    public CostContext Costs { get; }

    public AdcBank Adcs { get; }

    public CrossbarCells Cells { get; }

    public RowDriverBank Drivers { get; }

    public ShiftAddUnit ShiftAdd { get; }

    public InterconnectLink Link { get; }

    public NeuronUnits Neurons { get; }

    public StateRegister Register { get; }

    public Controller Controller { get; }

    /// <summary>The adder tree reducing <paramref name="inputs"/> partial sums per output (none needed for one).</summary>
    public AdderTree Tree(int inputs)
    {
        if (!_trees.TryGetValue(inputs, out var tree))
        {
            tree = new AdderTree(Costs, inputs, _sites?.Of(BlockKinds.AdderTree));
            _trees[inputs] = tree;
        }

        return tree;
    }

    internal LayerBlocks ForLayer(LayerShape shape) => new(Cells, Drivers, Adcs, ShiftAdd, Tree(shape.RowBlocks), Link);

    /// <summary>Every action the chip charges, one row per block kind and action (adder trees per layer that needs one).</summary>
    public IEnumerable<CostRow> Rows()
    {
        var spec = Costs.Spec;
        foreach (var row in Controller.Rows())
        {
            yield return row;
        }

        yield return Drivers.Row();
        yield return Cells.Row(spec);
        yield return Adcs.Row();
        yield return Neurons.Row();
        yield return Register.Row();
        yield return Link.Row();
        yield return ShiftAdd.Row();
        foreach (var layer in ChipLayout.Layers(spec).Where(l => l.RowBlocks > 1))
        {
            yield return Tree(layer.RowBlocks).Row(layer.Index);
        }

        // Programming is device physics: V²·G·t of the card's pulses, shown at Gmax (only write-verify charges it).
        var card = spec.Device.Card;
        yield return new CostRow(BlockKinds.Programmer, "program_pulse", $"write-verify, {card.WritePulse.WidthPs} ps pulse", card.WritePulse.VoltageV * card.WritePulse.VoltageV * card.GmaxS * card.WritePulse.WidthPs * 1e-12,
            "V^2·G·t at Gmax", 0, 0, null, $"device card {card.Name}");
        yield return new CostRow(BlockKinds.Programmer, "verify_read", $"write-verify, {Cells.ReadPs} ps read", card.ReadVoltageV * card.ReadVoltageV * card.GmaxS * Cells.ReadPs * 1e-12,
            "V^2·G·t at Gmax", 0, 0, null, $"device card {card.Name}");
        if (spec.Training is { } training)
        {
            foreach (var row in TrainingRows(training))
            {
                yield return row;
            }
        }
    }

    // The blocks only a training chip has, and the cells' training pulse (docs/training.md).
    private IEnumerable<CostRow> TrainingRows(TrainingSpec training)
    {
        var card = Costs.Spec.Device.Card;
        yield return new CostRow(BlockKinds.Crossbar, "pulse", $"parallel update, {card.WritePulse.WidthPs} ps pulse", card.WritePulse.VoltageV * card.WritePulse.VoltageV * card.GmaxS * card.WritePulse.WidthPs * 1e-12,
            "V^2·G·t at Gmax; (V/2)^2 for half-selected cells", 0, 0, null, $"device card {card.Name}");
        yield return new Blocks.Training.ColumnDrivers(Costs).Row();
        var generator = new Blocks.Training.PulseGenerator(Costs);
        yield return new CostRow(BlockKinds.PulseGenerator, "generate", $"{Blocks.Training.PulseGenerator.WordBits}-bit compare + LFSR step per line per slot", generator.EnergyPerSlotJ,
            "", 0, 0, generator.AreaPerLineUm2, generator.Source);
        var digital = new Blocks.Training.DigitalUnit(Costs, training.DigitalLanes);
        yield return new CostRow(BlockKinds.DigitalUnit, "op", $"{digital.Lanes} lanes", digital.OpEnergyJ, "", 1, Costs.PeriodPs(BlockKinds.DigitalUnit), digital.AreaUm2, digital.Source);
        yield return new CostRow(BlockKinds.DigitalUnit, "buffer_access", "16-bit buffer word", digital.BufferEnergyJ, "", 1, Costs.PeriodPs(BlockKinds.DigitalUnit), null, digital.Source);
    }
}
