using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A whole-layer read on a large chip reads its macros in parallel and then draws their noise and charges them in
/// order; it must give the bits, times, draws and ledger of reading them one after another.
/// </summary>
public class ParallelReadTests
{
    // Only whole-layer reads (the synchronous schedule's) go parallel; reads of a few columns never do.
    [Theory]
    [InlineData("sync")]
    public void Parallel_macro_reads_equal_serial_ones(string schedule)
    {
        // 48 neurons on 8x8 arrays: 6 x 6 macros, a noisy card (the read noise must come in the same order).
        var spec = TestChips.Ideal(48, 8, 8, 2, card: "hnn64-rram.yaml");
        var patterns = RandomPatterns.Binary(3, 48, new Random(6));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(7));

        var parallel = new ChipModel(spec, 5, keepTrace: true) { ParallelReadCells = 0 };
        var serial = new ChipModel(spec, 5, keepTrace: true) { ParallelReadCells = long.MaxValue };
        SameRecall.Check(serial, parallel, patterns, cue, schedule);
        Assert.Equal(serial.Sim.DispatchHash, parallel.Sim.DispatchHash);
    }
}
