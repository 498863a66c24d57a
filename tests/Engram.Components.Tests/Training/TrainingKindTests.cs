using Engram.Components.Blocks;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Components.Training;

namespace Engram.Components.Tests.Training;

/// <summary>A training chip charges exactly the block kinds it has, under their own actions, and its cost table lists them.</summary>
public class TrainingKindTests
{
    [Fact]
    public void Training_charges_every_kind_under_its_own_actions()
    {
        var spec = TrainingChips.Parse("kinds", ("layers: [64, 32, 10]", "layers: [4, 3, 2]"), ("zero_shift_pulse_pairs: 2000", "zero_shift_pulse_pairs: 5"));
        var chip = new TrainingChip(spec, TrainingAlgorithms.Get("ttv2"), 1);
        var rng = new Random(2);
        var data = new TrainingData("toy", [.. Enumerable.Range(0, 20).Select(_ => new[] { rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble() })],
            [.. Enumerable.Range(0, 20).Select(i => i % 2)], [[0.1, 0.2, 0.3, 0.4]], [1], 2);
        new MlpTrainer(chip, 2).Train(data, 2);
        chip.Ledger.Close(chip.Sim.Now);
        var charged = chip.Ledger.Breakdown().Where(r => r.Action != EnergyLedger.LeakageAction).ToList();
        var kinds = charged.Select(r => EnergyLedger.KindOf(r.ComponentPath)).Distinct().Order(StringComparer.Ordinal).ToList();
        string[] expected = [BlockKinds.Adc, BlockKinds.ColumnDriver, BlockKinds.Crossbar, BlockKinds.DigitalUnit, BlockKinds.PulseGenerator, BlockKinds.RowDriver, BlockKinds.ShiftAdd];
        Assert.Equal(expected.Order(StringComparer.Ordinal), kinds);
        foreach (var row in charged)
        {
            Assert.Contains(row.Action, BlockKinds.Of(EnergyLedger.KindOf(row.ComponentPath)).Actions);
        }

        Assert.Contains(charged, r => r.Action == "pulse");
        Assert.Contains(charged, r => r.Action == "buffer_access");
        var table = new ChipBlocks(spec).Rows().ToList();
        Assert.All(BlockKinds.All.Where(k => k.TrainingOnly), k => Assert.Contains(table, r => r.Kind == k.Name));
        Assert.Contains(table, r => r.Kind == BlockKinds.Crossbar && r.Action == "pulse");
    }
}
