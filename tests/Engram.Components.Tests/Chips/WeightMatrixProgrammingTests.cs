using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>Programming from weights read entry by entry gives the devices, and so the recall, of the dense form.</summary>
public class WeightMatrixProgrammingTests
{
    [Fact]
    public void Hebb_weights_on_demand_program_the_same_devices_as_the_dense_matrix()
    {
        var spec = ChipLoader.Load(Path.Combine(RepoPaths.Chips, "tiled-256.yaml"));
        var patterns = RandomPatterns.Binary(4, 256, new Random(3));
        var dense = new ChipModel(spec, 5);
        var lazy = new ChipModel(spec, 5);
        Assert.Equal(dense.Program(0, new HebbRule().Learn(patterns)), lazy.Program(0, new HebbWeights(patterns)));
        foreach (var (a, b) in dense.Layers[0].Macros().Zip(lazy.Layers[0].Macros()))
        {
            for (int k = 0; k < a.Crossbar.Arrays.Count; k++)
            {
                var x = a.Crossbar.Arrays[k];
                var y = b.Crossbar.Arrays[k];
                Assert.All(Enumerable.Range(0, x.CellCount), cell => Assert.Equal(x.ConductanceAt(cell), y.ConductanceAt(cell)));
            }
        }

        var cue = CueCorruption.FlipBits(patterns[1], 0.1, new Random(4));
        var r1 = dense.Recall(cue, Schedule.Sync, UpdateOrder.Random, 10);
        var r2 = lazy.Recall(cue, Schedule.Sync, UpdateOrder.Random, 10);
        Assert.Equal(r1.FinalState, r2.FinalState);
        Assert.Equal(r1.EnergyJ, r2.EnergyJ);
    }
}
