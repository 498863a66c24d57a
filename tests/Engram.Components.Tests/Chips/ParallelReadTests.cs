using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A whole-layer read on a large chip reads its macros in parallel and then draws their noise and charges them in
/// order; it must give the bits, times, draws and ledger of reading them one after another.
/// </summary>
public class ParallelReadTests
{
    [Theory]
    [InlineData("sync")]
    [InlineData("grouped:7")]
    [InlineData("async")]
    public void Parallel_macro_reads_equal_serial_ones(string schedule)
    {
        // 48 neurons on 8x8 arrays: 6 x 6 macros, a noisy card (the read noise must come in the same order).
        var spec = TestChips.Ideal(48, 8, 8, 2, card: "hnn64-rram.yaml");
        var patterns = RandomPatterns.Binary(3, 48, new Random(6));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(7));

        var parallel = new ChipModel(spec, 5, keepTrace: true) { ParallelReadCells = 0 };
        var serial = new ChipModel(spec, 5, keepTrace: true) { ParallelReadCells = long.MaxValue };
        var results = new[] { parallel, serial }.Select(chip =>
        {
            chip.Program(0, new HebbRule().Learn(patterns));
            var r = chip.Recall(cue, schedule, UpdateOrder.Random, 10);
            chip.Finish();
            return r;
        }).ToArray();

        Assert.Equal(results[1].FinalState, results[0].FinalState);
        Assert.Equal(results[1].Iterations, results[0].Iterations);
        Assert.Equal(results[1].LatencyPs, results[0].LatencyPs);
        Assert.Equal(results[1].EnergyJ, results[0].EnergyJ);
        Assert.Equal(serial.Ledger.Breakdown(), parallel.Ledger.Breakdown());
        Assert.Equal(serial.Ledger.Entries.ToArray(), parallel.Ledger.Entries.ToArray());
        Assert.Equal(serial.Sim.DispatchHash, parallel.Sim.DispatchHash);
    }
}
