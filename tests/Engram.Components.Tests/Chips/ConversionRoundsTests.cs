using Engram.Components.Arch;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A read converts its columns in closed-form rounds on each array's ADCs; the reference is one kernel process per
/// conversion queueing on the array's ADC resource. Both must give the same codes, times and charges.
/// </summary>
public class ConversionRoundsTests
{
    public static TheoryData<string, int, int, int, long> Configurations() => new()
    {
        // schedule, neurons, array rows/cols, columns per ADC, ADC clock period (ps; 0 = the chip clock)
        { "sync", 24, 8, 2, 0 },
        { "sync", 20, 8, 4, 2_500 },
        { "async", 24, 8, 2, 700 },
        { "grouped:5", 20, 8, 4, 0 },
        { "grouped:3", 24, 8, 8, 1_300 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Rounds_equal_queued_conversions(string schedule, int neurons, int size, int columnsPerAdc, long adcPeriodPs) =>
        Check(schedule, neurons, size, columnsPerAdc, adcPeriodPs, costs: null);

    // The cost profile's SAR converter: each conversion's energy follows its column's conductance, so a charge of the
    // wrong column's energy shows.
    [Theory]
    [InlineData("sync", 24, 8, 2, 0)]
    [InlineData("async", 24, 8, 4, 700)]
    public void Rounds_equal_queued_conversions_of_conductance_dependent_energy(string schedule, int neurons, int size, int columnsPerAdc, long adcPeriodPs) =>
        Check(schedule, neurons, size, columnsPerAdc, adcPeriodPs, costs: []);

    private static void Check(string schedule, int neurons, int size, int columnsPerAdc, long adcPeriodPs, Dictionary<string, CostOverride>? costs)
    {
        var clock = adcPeriodPs == 0 ? new ClockSpec(1_000) : new ClockSpec(1_000)
        {
            Domains = new Dictionary<string, long> { ["adc_clock"] = adcPeriodPs },
            Blocks = new Dictionary<string, string> { ["adc"] = "adc_clock" },
        };
        // A noisy card, so both chips must draw the same read noise in the same order too.
        var spec = TestChips.Ideal(neurons, size, size, columnsPerAdc, card: "hnn64-rram.yaml", clock: clock, costs: costs);
        var patterns = RandomPatterns.Binary(3, neurons, new Random(4));
        var cue = CueCorruption.FlipBits(patterns[0], 0.2, new Random(5));

        var rounds = new ChipModel(spec, 3, keepTrace: true);
        var queued = new ChipModel(spec, 3, keepTrace: true) { QueuedConversions = true };
        SameRecall.Check(queued, rounds, patterns, cue, schedule);
        Assert.True(queued.Sim.ProcessedEvents > rounds.Sim.ProcessedEvents);
    }
}
