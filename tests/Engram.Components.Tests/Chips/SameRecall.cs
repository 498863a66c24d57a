using Engram.Components.Arch;
using Engram.Models.Learning;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>Two chips that must behave alike, programmed and recalled the same way, compared result for result and ledger entry for ledger entry.</summary>
internal static class SameRecall
{
    public static void Check(ChipModel expected, ChipModel actual, double[][] patterns, double[] cue, string schedule)
    {
        var results = new[] { expected, actual }.Select(chip =>
        {
            chip.Program(0, new HebbRule().Learn(patterns));
            var r = chip.Recall(cue, schedule, UpdateOrder.Random, 10);
            chip.Finish();
            return r;
        }).ToArray();

        Assert.Equal(results[0].FinalState, results[1].FinalState);
        Assert.Equal(results[0].Iterations, results[1].Iterations);
        Assert.Equal(results[0].LatencyPs, results[1].LatencyPs);
        Assert.Equal(results[0].EnergyJ, results[1].EnergyJ);
        Assert.Equal(expected.Ledger.Breakdown(), actual.Ledger.Breakdown());
        Assert.Equal(expected.Ledger.Entries.ToArray(), actual.Ledger.Entries.ToArray());
    }
}
