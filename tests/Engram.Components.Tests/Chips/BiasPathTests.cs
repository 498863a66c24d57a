using Engram.Components.Arch;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>The bias path: a digital add after the ADC in each neuron, by hand on a 2-neuron chip.</summary>
public class BiasPathTests
{
    [Fact]
    public void A_bias_moves_the_field_and_costs_one_adder_per_converted_neuron()
    {
        // Zero weights: every field is the bias alone, so sign(0 + b) decides each neuron.
        var spec = TestChips.Ideal(2, 2, 2, adcBits: 5);
        var chip = new ChipModel(spec, 1);
        chip.Program(0, [0, 0, 0, 0]);
        chip.SetBias(0, [0.5, -0.5]);
        var result = chip.Recall([-1, 1], Schedule.Sync, UpdateOrder.Sequential, 10);
        Assert.Equal([1.0, -1.0], result.FinalState);

        // Sync: iteration 1 flips both neurons, iteration 2 changes nothing; 2 neurons add their bias each time.
        Assert.Equal(2, result.Iterations);
        var bias = chip.Ledger.Breakdown().Single(r => r.Action == "bias_add");
        Assert.Equal(4, bias.Count);

        // NeuroSim's 16-bit ripple adder, 17.1 fJ at 22 nm, linear in width: a 6-bit add (5 ADC bits + carry).
        Assert.Equal(4 * 17.1e-15 * 6 / 16, bias.EnergyJ, 1e-27);
        Assert.Equal("neuron", Engram.Components.Ledger.EnergyLedger.KindOf(bias.ComponentPath));

        // Without a bias the chip charges no add and the zero field keeps the state.
        chip.SetBias(0, null);
        var plain = chip.Recall([-1, 1], Schedule.Sync, UpdateOrder.Sequential, 10);
        Assert.Equal([-1.0, 1.0], plain.FinalState);
        Assert.Equal(4, chip.Ledger.Breakdown().Single(r => r.Action == "bias_add").Count);
    }
}
