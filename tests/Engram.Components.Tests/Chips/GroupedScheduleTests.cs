using Engram.Components.Arch;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Scheduling;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// The grouped schedule sits between the two published ones: G = 1 must be the asynchronous schedule and G = N the
/// synchronous one, cycle for cycle (dispatch hash, latency) and joule for joule (every ledger row); in between,
/// its figures follow by hand from the chip's fixed costs.
/// </summary>
public class GroupedScheduleTests
{
    private static (ChipModel Chip, double[] Pattern, double[] Cue) Programmed(ChipSpec spec, params int[] flips)
    {
        var chip = new ChipModel(spec, 3);
        var patterns = RandomPatterns.Binary(2, spec.Network.Neurons, new Random(4));
        chip.Program(0, new HebbRule().Learn(patterns));
        var cue = (double[])patterns[0].Clone();
        foreach (int b in flips)
        {
            cue[b] = -cue[b];
        }

        return (chip, patterns[0], cue);
    }

    private static void AssertSameRun(ChipSpec spec, string schedule, string equivalent, UpdateOrder order, params int[] flips)
    {
        var (a, pattern, cue) = Programmed(spec, flips);
        var (b, _, _) = Programmed(spec, flips);
        var ra = a.Recall(cue, schedule, order, 50);
        var rb = b.Recall(cue, equivalent, order, 50);
        Assert.True(ra.Updates > spec.Network.Neurons, "the cue must take more than one sweep to settle");
        Assert.Equal(pattern, ra.FinalState);
        Assert.Equal(rb.FinalState, ra.FinalState);
        Assert.Equal(rb.Iterations, ra.Iterations);
        Assert.Equal(rb.Updates, ra.Updates);
        Assert.Equal(rb.LatencyPs, ra.LatencyPs);
        Assert.Equal(rb.EnergyJ, ra.EnergyJ);
        Assert.Equal(b.Sim.DispatchHash, a.Sim.DispatchHash);
        Assert.Equal(b.Ledger.Breakdown(), a.Ledger.Breakdown());
    }

    [Theory]
    [InlineData(8, UpdateOrder.Sequential)]
    [InlineData(8, UpdateOrder.Random)]
    [InlineData(16, UpdateOrder.Random)]
    public void Group_of_one_is_the_asynchronous_schedule(int neurons, UpdateOrder order) =>
        AssertSameRun(TestChips.Ideal(neurons, 8, 8), "grouped:1", Schedule.Async, order, 1, 5);

    [Theory]
    [InlineData(8, 8)]
    [InlineData(16, 16)]
    [InlineData(16, 40)]
    public void Group_of_all_is_the_synchronous_schedule(int neurons, int group) =>
        AssertSameRun(TestChips.Ideal(neurons, 8, 8), $"grouped:{group}", Schedule.Sync, UpdateOrder.Random, 1, 5);

    [Fact]
    public void Groups_of_eight_on_64_neurons_match_the_hand_derivation()
    {
        // 64 neurons on one 64x64 differential block; 16 columns per ADC, so 4 ADCs; 1 ns clock.
        // One step of G = 8: issue 2 + read 1 + 8 conversions on 4 ADCs (2 rounds of 3) + neuron 1 + latch 1 = 11 cycles.
        //   energy: issue + 2 arrays x 64 rows driven + every cell of the driven rows conducts (64 rows x 128 cells)
        //   + 8 conversions + 8 activations + 8 register bits.
        // A sweep is 64 / 8 = 8 steps.
        const double stepJ = TestChips.IssueJ + (128 * TestChips.RowJ) + (64 * 128 * TestChips.CellJ) + (8 * TestChips.AdcJ) + (8 * TestChips.NeuronJ) + (8 * TestChips.RegisterJ);
        var spec = TestChips.Ideal(64, 64, 64, columnsPerAdc: 16);
        var (chip, pattern, cue) = Programmed(spec, 3, 17, 40);
        var result = chip.Recall(cue, "grouped:8", UpdateOrder.Random, 50);
        Assert.True(result.Iterations > 1);
        Assert.Equal(pattern, result.FinalState);
        Assert.Equal(result.Iterations * 64L, result.Updates);
        Assert.Equal(result.Iterations * 8 * 11_000L, result.LatencyPs);
        Assert.Equal(result.Iterations * 8 * stepJ, result.EnergyJ, 1e-24);

        var convert = chip.Ledger.Breakdown().Single(r => r.Action == "convert");
        Assert.Equal(result.Iterations * 64L, convert.Count);
        Assert.Equal(result.Iterations * 8 * 2 * 3_000L * 4, convert.BusyPs);
    }

    [Fact]
    public void Groups_on_a_reference_column_chip_count_the_reference_cells_once_per_read()
    {
        // One 64x64 array plus its reference column: a step of G = 8 drives 64 rows (one array) and every driven cell
        // conducts, the reference column's once: 64 x (64 + 1) cells, however many columns are converted.
        const double stepJ = TestChips.IssueJ + (64 * TestChips.RowJ) + (64 * 65 * TestChips.CellJ) + (8 * TestChips.AdcJ) + (8 * TestChips.NeuronJ) + (8 * TestChips.RegisterJ);
        var spec = TestChips.Ideal(64, 64, 64, columnsPerAdc: 16, mapping: WeightMappings.ReferenceColumn);
        var (chip, pattern, cue) = Programmed(spec, 3, 17, 40);
        var result = chip.Recall(cue, "grouped:8", UpdateOrder.Random, 50);
        Assert.Equal(pattern, result.FinalState);
        Assert.Equal(result.Iterations * 8 * stepJ, result.EnergyJ, 1e-24);

        // With the profile's SAR the column current sits in the converter: the cells of the unconverted columns are
        // what the crossbar charges, never less than nothing, even for large groups.
        var profiled = TestChips.Ideal(64, 64, 64, columnsPerAdc: 16, mapping: WeightMappings.ReferenceColumn, card: "hnn64-rram.yaml", costs: []);
        var (p, _, c) = Programmed(profiled, 3, 17, 40);
        var large = p.Recall(c, "grouped:48", UpdateOrder.Random, 50);
        Assert.True(large.Converged);
        Assert.True(p.Ledger.Breakdown().Single(r => r.ComponentPath == "L0/b0.0/crossbar").EnergyJ > 0);
    }

    [Fact]
    public void A_grouped_chip_yaml_names_its_group_size()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml")).Replace("schedule: sync", "schedule: grouped\n  group_size: 8", StringComparison.Ordinal);
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "grouped.yaml"), yaml);
        Assert.Equal("grouped:8", spec.Controller.Schedule);
        Assert.Equal("grouped:8", RecallSchedulers.Parse(spec.Controller.Schedule).Name);

        var missing = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "g.yaml"), yaml.Replace("\n  group_size: 8", "", StringComparison.Ordinal)));
        Assert.Equal("controller.schedule", missing.KeyPath);
        var extra = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "g.yaml"), yaml.Replace("schedule: grouped", "schedule: sync", StringComparison.Ordinal)));
        Assert.Equal("controller.group_size", extra.KeyPath);
    }
}
