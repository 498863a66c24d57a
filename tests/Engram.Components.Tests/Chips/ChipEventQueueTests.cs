using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using Engram.Sim.Core;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A chip's event wheel has a bucket per cycle of its fastest clock; its events must still come in the exact order
/// the reference heap gives them, with several events in one bucket and clock domains of other periods.
/// </summary>
public class ChipEventQueueTests
{
    [Theory]
    [InlineData("sync")]
    [InlineData("async")]
    [InlineData("grouped:4")]
    public void A_chips_wheel_dispatches_what_the_heap_does(string schedule)
    {
        var clock = new ClockSpec(1_000)
        {
            Domains = new Dictionary<string, long> { ["adc_clock"] = 2_500, ["neuron_clock"] = 700 },
            Blocks = new Dictionary<string, string> { ["adc"] = "adc_clock", ["neuron"] = "neuron_clock" },
        };
        var spec = TestChips.Ideal(32, 8, 8, 4, card: "hnn64-rram.yaml", clock: clock);
        var patterns = RandomPatterns.Binary(3, 32, new Random(21));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(22));
        var heap = new ChipModel(spec, 9, keepTrace: true, EventQueueKind.Heap);
        var wheel = new ChipModel(spec, 9, keepTrace: true);
        Assert.Equal(EventQueueKind.Wheel, wheel.Sim.Options.Queue);
        // The fastest clock (700 ps) rounded down to a power of two.
        Assert.Equal(9, wheel.Sim.Options.WheelBucketShift);
        SameRecall.Check(heap, wheel, patterns, cue, schedule);
        Assert.Equal(heap.Sim.ProcessedEvents, wheel.Sim.ProcessedEvents);
        Assert.Equal(heap.Sim.DispatchHash, wheel.Sim.DispatchHash);
    }
}
