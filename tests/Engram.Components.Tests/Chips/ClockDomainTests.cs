using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>Blocks on their own clock: an action starts on an edge of its domain and lasts whole cycles of it.</summary>
public class ClockDomainTests
{
    [Fact]
    public void A_slower_adc_clock_gives_the_hand_derived_latency()
    {
        // Chip clock 1 ns; the ADCs on a 2.5 ns clock, 3 ns per conversion = 2 ADC cycles = 5 ns. 8 columns on 4 ADCs.
        // Iteration 1 from t = 0: issue 0-2, read 2-3, first ADC edge at 5: rounds 5-10 and 10-15, neuron 15-16, latch 16-17.
        // Every later iteration starts at 17 + 15k ns: issue +2, read +1 lands on an ADC edge (20, 35, ...), two rounds +10,
        // neuron +1, latch +1: 15 ns. So a recall of I iterations takes 17 + 15 (I - 1) ns; the energy is the single-clock one.
        var clocks = new ClockSpec(1_000)
        {
            Domains = new Dictionary<string, long> { ["adc_clock"] = 2_500 },
            Blocks = new Dictionary<string, string> { ["adc"] = "adc_clock" },
        };
        var slow = Recall(TestChips.Ideal(8, 8, 8, clock: clocks));
        var single = Recall(TestChips.Ideal(8, 8, 8));
        Assert.True(slow.Iterations > 1);
        Assert.Equal(single.Iterations, slow.Iterations);
        Assert.Equal(17_000L + (15_000L * (slow.Iterations - 1)), slow.LatencyPs);
        Assert.Equal(single.Iterations * 11_000L, single.LatencyPs);
        Assert.Equal(single.EnergyJ, slow.EnergyJ, 1e-27);
    }

    [Fact]
    public void Clock_domains_load_from_yaml_and_unknown_domains_are_rejected()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("  period_ps: 1000", "  period_ps: 1000\n  domains: { slow: { period_ps: 2500 } }\n  blocks: { adc: slow }", StringComparison.Ordinal);
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "clocks.yaml"), yaml);
        Assert.Equal(2_500, spec.Clock.PeriodOf("adc"));
        Assert.Equal(1_000, spec.Clock.PeriodOf("neuron"));

        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse("c.yaml", yaml.Replace("adc: slow", "adc: fast", StringComparison.Ordinal)));
        Assert.Equal("clocks.blocks.adc", e.KeyPath);
        e = Assert.Throws<ArchException>(() => ChipLoader.Parse("c.yaml", yaml.Replace("adc: slow", "dac: slow", StringComparison.Ordinal)));
        Assert.Equal("clocks.blocks.dac", e.KeyPath);
    }

    private static Engram.Components.Chips.RecallResult Recall(ChipSpec spec)
    {
        var chip = new ChipModel(spec, 1);
        var patterns = RandomPatterns.Binary(2, 8, new Random(4));
        chip.Program(0, new HebbRule().Learn(patterns));
        var cue = (double[])patterns[0].Clone();
        cue[3] = -cue[3];
        return chip.Recall(cue, Schedule.Sync, UpdateOrder.Sequential, 50);
    }
}
