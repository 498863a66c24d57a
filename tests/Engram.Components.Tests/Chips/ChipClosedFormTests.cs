using Engram.Components.Blocks.Neurons;
using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// For an ideal, fault-free chip with every cost fixed in its description, latency and energy per
/// synchronous iteration and per asynchronous update follow by hand from those values.
/// </summary>
public class ChipClosedFormTests
{
    private static ChipModel Programmed(ChipSpec spec, out double[] pattern, ulong seed = 1)
    {
        var chip = new ChipModel(spec, seed);
        var patterns = RandomPatterns.Binary(2, spec.Network.Neurons, new Random(4));
        chip.Program(0, new HebbRule().Learn(patterns));
        pattern = patterns[0];
        return chip;
    }

    /// <summary>The stored pattern with the given bits flipped: a cue the recall has to correct.</summary>
    private static double[] Flipped(double[] pattern, params int[] bits)
    {
        var cue = (double[])pattern.Clone();
        foreach (int b in bits)
        {
            cue[b] = -cue[b];
        }

        Assert.NotEqual(pattern, cue);
        return cue;
    }

    [Fact]
    public void One_array_sync_and_async_match_the_hand_derivation()
    {
        // 8 neurons on one 8x8 differential block (twin arrays), 4 ADCs of 2 columns; 1 ns clock.
        // Sync iteration: issue 2 + read 1 + ceil(8/4)·3 conversion + neuron 1 + latch 1 = 11 cycles.
        //   energy: issue + 2·8 row drives + 8 rows·16 cells + 8 conversions + 8 neurons + 8 register bits.
        // Async update: issue 2 + read 1 + 3 + 1 + 1 = 8 cycles; 16 drives, 128 conducting cells, one conversion.
        const double syncJ = TestChips.IssueJ + (16 * TestChips.RowJ) + (128 * TestChips.CellJ) + (8 * TestChips.AdcJ) + (8 * TestChips.NeuronJ) + (8 * TestChips.RegisterJ);
        const double asyncJ = TestChips.IssueJ + (16 * TestChips.RowJ) + (128 * TestChips.CellJ) + TestChips.AdcJ + TestChips.NeuronJ + TestChips.RegisterJ;
        var spec = TestChips.Ideal(8, 8, 8);
        var chip = Programmed(spec, out var pattern);

        var cue = Flipped(pattern, 3);
        var sync = chip.Recall(cue, Schedule.Sync, UpdateOrder.Sequential, 50);
        Assert.True(sync.Iterations > 1, "the flipped bit must take an iteration to correct before the fixed point is seen");
        Assert.Equal(pattern, sync.FinalState);
        Assert.Equal(sync.Iterations * 11_000L, sync.LatencyPs);
        Assert.Equal(sync.Iterations * syncJ, sync.EnergyJ, 1e-27);

        var async = chip.Recall(cue, Schedule.Async, UpdateOrder.Sequential, 50);
        Assert.True(async.Updates > 0);
        Assert.Equal(pattern, async.FinalState);
        Assert.Equal(async.Updates, async.Iterations * 8L);
        Assert.Equal(async.Updates * 8_000L, async.LatencyPs);
        Assert.Equal(async.Updates * asyncJ, async.EnergyJ, 1e-27);
    }

    [Fact]
    public void Floating_unselected_columns_charge_only_the_read_column()
    {
        const double asyncJ = TestChips.IssueJ + (16 * TestChips.RowJ) + (16 * TestChips.CellJ) + TestChips.AdcJ + TestChips.NeuronJ + TestChips.RegisterJ;
        var chip = Programmed(TestChips.Ideal(8, 8, 8, conduct: false), out var pattern);
        var async = chip.Recall(Flipped(pattern, 5), Schedule.Async, UpdateOrder.Random, 50);
        Assert.True(async.Updates > 0);
        Assert.Equal(pattern, async.FinalState);
        Assert.Equal(async.Updates * asyncJ, async.EnergyJ, 1e-27);
    }

    [Fact]
    public void Tiled_sync_and_async_add_interconnect_and_adder_trees()
    {
        // 16 neurons on 8x8 blocks: 2 row blocks x 2 column blocks.
        // Sync: 2 + 1 + 2·3 + hop 1 + tree 2 + 1 + 1 = 14 cycles; 32 conversions; 32 partial sums of 16 bits; 16 reductions.
        const double syncJ = TestChips.IssueJ + (4 * 16 * TestChips.RowJ) + (4 * 128 * TestChips.CellJ) + (32 * TestChips.AdcJ)
            + (32 * 16 * TestChips.WireJ) + (16 * TestChips.TreeJ) + (16 * TestChips.NeuronJ) + (16 * TestChips.RegisterJ);
        // Async: word lines reach all 4 blocks and every cell conducts; the neuron's column is converted in its
        // 2 blocks: 2 + 1 + 3 + 1 + 2 + 1 + 1 = 11 cycles.
        const double asyncJ = TestChips.IssueJ + (4 * 16 * TestChips.RowJ) + (4 * 128 * TestChips.CellJ) + (2 * TestChips.AdcJ)
            + (2 * 16 * TestChips.WireJ) + TestChips.TreeJ + TestChips.NeuronJ + TestChips.RegisterJ;
        var chip = Programmed(TestChips.Ideal(16, 8, 8), out var pattern);
        var cue = Flipped(pattern, 1, 12);
        var sync = chip.Recall(cue, Schedule.Sync, UpdateOrder.Sequential, 50);
        Assert.True(sync.Iterations > 1, "the flipped bits must take an iteration to correct before the fixed point is seen");
        Assert.Equal(pattern, sync.FinalState);
        Assert.Equal(sync.Iterations * 14_000L, sync.LatencyPs);
        Assert.Equal(sync.Iterations * syncJ, sync.EnergyJ, 1e-26);
        var async = chip.Recall(cue, Schedule.Async, UpdateOrder.Random, 50);
        Assert.True(async.Updates > 0);
        Assert.Equal(pattern, async.FinalState);
        Assert.Equal(async.Updates * 11_000L, async.LatencyPs);
        Assert.Equal(async.Updates * asyncJ, async.EnergyJ, 1e-26);
    }

    [Fact]
    public void Tiled_async_with_floating_columns_drives_only_the_column_blocks()
    {
        const double asyncJ = TestChips.IssueJ + (2 * 16 * TestChips.RowJ) + (2 * 16 * TestChips.CellJ) + (2 * TestChips.AdcJ)
            + (2 * 16 * TestChips.WireJ) + TestChips.TreeJ + TestChips.NeuronJ + TestChips.RegisterJ;
        var chip = Programmed(TestChips.Ideal(16, 8, 8, conduct: false), out var pattern);
        var async = chip.Recall(Flipped(pattern, 9), Schedule.Async, UpdateOrder.Random, 50);
        Assert.True(async.Updates > 0);
        Assert.Equal(pattern, async.FinalState);
        Assert.Equal(async.Updates * 11_000L, async.LatencyPs);
        Assert.Equal(async.Updates * asyncJ, async.EnergyJ, 1e-26);
    }

    [Fact]
    public void Stored_patterns_are_recalled_and_the_ledger_equals_its_parts()
    {
        var chip = Programmed(TestChips.Ideal(16, 8, 8, costs: []), out var pattern);
        var cue = Flipped(pattern, 0);
        foreach (var schedule in new[] { Schedule.Sync, Schedule.Async })
        {
            var result = chip.Recall(cue, schedule, UpdateOrder.Random, 50);
            Assert.True(result.Converged);
            Assert.True(result.Iterations > 0 && result.EnergyJ > 0);
            Assert.Equal(pattern, result.FinalState);
        }

        chip.Finish();
        double parts = chip.Ledger.Breakdown().Sum(r => r.EnergyJ);
        Assert.Equal(1, chip.Ledger.TotalEnergyJ / parts, 12);
        Assert.True(parts > 0);
    }

    [Fact]
    public void The_same_seed_gives_the_same_recall_and_dispatch_hash()
    {
        var card = "hnn64-rram.yaml";
        (double[] State, double EnergyJ, ulong Hash, double[] Conductances) Once(ulong seed)
        {
            var chip = Programmed(TestChips.Ideal(16, 8, 8, card: card, costs: []), out var pattern, seed: seed);
            var plus = chip.Layers[0].Macro(0, 0).Crossbar.Arrays[0];
            var g = Enumerable.Range(0, 64).Select(k => plus.GetConductance(k / 8, k % 8)).ToArray();
            var r = chip.Recall(Flipped(pattern, 2), Schedule.Async, UpdateOrder.Random, 20);
            Assert.True(r.Updates > 0);
            return (r.FinalState, r.EnergyJ, chip.Sim.DispatchHash, g);
        }

        var a = Once(9);
        var b = Once(9);
        Assert.Equal(a.State, b.State);
        Assert.Equal(a.EnergyJ, b.EnergyJ);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Conductances, b.Conductances);

        // Another seed draws another device variation: other conductances, so another recall energy.
        var c = Once(10);
        Assert.NotEqual(a.Conductances, c.Conductances);
        Assert.NotEqual(a.EnergyJ, c.EnergyJ);
    }
}

public class ContinuousNeuronTests
{
    [Fact]
    public void Tanh_neurons_take_bit_serial_inputs_with_shift_add_and_settle()
    {
        // dac_bits 4: sign by polarity and 3 magnitude planes per read; each plane is a full read and conversion.
        var spec = TestChips.Ideal(8, 8, 8, dacBits: 4, neuron: Neurons.Tanh, costs: []);
        var chip = new ChipModel(spec, 3);
        var patterns = RandomPatterns.Binary(2, 8, new Random(2));
        chip.Program(0, new PseudoInverseRule().Learn(patterns));
        var result = chip.Recall(patterns[0].Select(x => 0.8 * x).ToArray(), Schedule.Sync, UpdateOrder.Sequential, 40);
        Assert.True(result.Converged);
        Assert.All(result.FinalState, x => Assert.InRange(x, -1, 1));
        Assert.Equal(patterns[0].Select(Math.Sign), result.FinalState.Select(Math.Sign));
        var converts = chip.Ledger.Breakdown().Single(r => r.Action == "convert");
        Assert.Equal(result.Iterations * 3L * 8, converts.Count);
        Assert.Equal(result.Iterations * 3L * 8, chip.Ledger.Breakdown().Single(r => r.Action == "shift_add").Count);
    }
}
