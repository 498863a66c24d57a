using Engram.Components.Chips;
using Engram.Models.Patterns;
using Engram.Workloads.Tests.Recall;
using Engram.Workloads.Training;

namespace Engram.Workloads.Tests.Training;

public class ChipInLoopTrainerTests
{
    [Fact]
    public void Training_on_the_chip_lowers_the_loss_and_charges_programming_to_the_ledger()
    {
        var chip = new Chip(SpecFixtures.Chip(16, 16), seed: 4);
        var patterns = RandomPatterns.Binary(3, 16, new Random(5));
        var result = ChipInLoopTrainer.Train(chip, patterns, new ChipInLoopSettings(Epochs: 40, LearningRate: 0.05, WeightMax: 1.0, Seed: 2));

        Assert.True(result.Losses[^1] < result.Losses[0] * 0.8, $"loss {result.Losses[0]} -> {result.Losses[^1]}");
        Assert.True(result.PulsesTotal > 0);
        Assert.True(result.TrainingEnergyJ > 0 && result.TrainingLatencyPs > 0);
        var writes = chip.Ledger.Breakdown().Where(r => r.Action is "program_pulse" or "verify_read").Sum(r => r.EnergyJ);
        var reads = chip.Ledger.Breakdown().Where(r => r.Action == "convert").Sum(r => r.Count);
        Assert.True(writes > 0);
        Assert.Equal(40L * 3 * 16, reads);
        Assert.All(result.Weights, w => Assert.InRange(w, -1.0, 1.0));
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(0, result.Weights[(i * 16) + i]));
    }
}
