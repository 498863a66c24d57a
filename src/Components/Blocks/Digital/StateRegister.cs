using Engram.Sim.Core;

namespace Engram.Components.Blocks.Digital;

/// <summary>
/// The <c>state_register</c> block: the neurons' states, <c>state_register_bits</c> per neuron, latched in one
/// clock cycle (<c>write_bit</c> action); NeuroSim's DFF figure per bit.
/// </summary>
public sealed class StateRegister
{
    public StateRegister(CostContext costs, BlockSite? site = null)
    {
        var model = costs.Library.Register(1);
        BitsPerState = costs.Spec.Periphery.StateRegisterBits;
        BitEnergyJ = costs.Energy(BlockKinds.StateRegister, model.Cost("write").EnergyJ);
        AreaPerBitUm2 = costs.Area(BlockKinds.StateRegister, model.AreaUm2);
        PeriodPs = costs.PeriodPs(BlockKinds.StateRegister);
        Source = costs.Source(BlockKinds.StateRegister, costs.ProfileSource);

        // A write completes at the clock edge that charges it: one cycle.
        Action = new TimedAction(site, "write_bit", 1);
    }

    public int BitsPerState { get; }

    public double BitEnergyJ { get; }

    public double AreaPerBitUm2 { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    public TimedAction Action { get; }

    /// <summary>Latches the states of <paramref name="count"/> neurons.</summary>
    public IEnumerable<Wait> Latch(int component, int count)
    {
        long bits = (long)count * BitsPerState;
        return Action.Run(component, bits, bits * BitEnergyJ);
    }

    public CostRow Row() => new(BlockKinds.StateRegister, "write_bit", "per bit", BitEnergyJ, "", Action.Cycles, PeriodPs, AreaPerBitUm2, Source);
}
