using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Tests.Chips;
using Engram.Models.Learning;
using Engram.Models.Patterns;

namespace Engram.Components.Tests.Extensions;

/// <summary>
/// A new ADC kind and a new scheduler, written only in this test project and registered once, load from chip
/// YAML, run and are costed like the built-in ones.
/// </summary>
public class ExtensionSeamTests
{
    public ExtensionSeamTests() => Extensions.Register();

    private static string Hnn64(string from, string to) =>
        File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml")).Replace(from, to, StringComparison.Ordinal);

    [Fact]
    public void A_ramp_adc_chip_loads_converts_with_its_own_quantizer_and_is_costed()
    {
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "ramp.yaml"), Hnn64("type: sar", "type: ramp"));
        Assert.Equal("ramp", spec.Periphery.Adc.Type.Name);

        // 2^5 ramp steps of 1.70 fJ and 1 ns each.
        var row = new ChipBlocks(spec).Rows().Single(r => r.Kind == "adc");
        Assert.Equal(32 * 1.70e-15, row.EnergyJ, 1e-24);
        Assert.Equal(32, row.Cycles);
        Assert.Equal("ramp, 5 bit", row.Detail);

        var chip = new Chip(spec, 1);
        var patterns = RandomPatterns.Binary(3, 64, new Random(2));
        chip.Program(0, new HebbRule().Learn(patterns));
        var result = chip.Recall(patterns[0], spec.Controller.Schedule, UpdateOrder.Random, 10);
        Assert.True(result.Converged);
        var convert = chip.Ledger.Breakdown().Single(r => r.Action == "convert");
        Assert.Equal(result.Iterations * 64L, convert.Count);
        Assert.Equal(convert.Count * 32 * 1.70e-15, convert.EnergyJ, 1e-22);
        Assert.Equal(convert.Count * 32_000L, convert.BusyPs);
        Assert.True(chip.Ledger.Breakdown().Single(r => r.ComponentPath == "L0/b0.0/crossbar").EnergyJ > 0, "a ramp ADC leaves the column current to the cells");
    }

    [Fact]
    public void The_ramp_quantizer_truncates_where_the_sar_rounds()
    {
        var weights = new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(6)));
        var input = RandomPatterns.Binary(1, 8, new Random(8))[0];
        double[] Forward(string adc)
        {
            var chip = new Chip(TestChips.Ideal(8, 8, 8, adc: adc, costs: []), 1);
            chip.Program(0, weights);
            var output = new double[8];
            chip.Forward(0, input, output);
            return output;
        }

        var ramp = Forward("ramp");
        var sar = Forward("sar");
        const double step = 8.0 / 16; // full scale 8 rows x wMax 1, 16 steps of a signed 5-bit code
        for (int o = 0; o < 8; o++)
        {
            double exact = Enumerable.Range(0, 8).Sum(i => weights[(o * 8) + i] * input[i]);
            Assert.True(Math.Abs(ramp[o]) >= Math.Abs(exact) - step - 1e-9 && Math.Abs(ramp[o]) <= Math.Abs(exact) + 1e-9, $"o {o}: exact {exact}, ramp {ramp[o]}, sar {sar[o]}");
            Assert.True(ramp[o] == 0 || Math.Sign(ramp[o]) == Math.Sign(exact));
        }

        Assert.NotEqual(sar, ramp);
    }

    [Fact]
    public void A_sense_amp_converter_charges_its_share_per_on_cell()
    {
        // NeuroSim: 1.7 fJ per sense + 0.31 fJ per ON cell on the bit line; every driven column has ON cells.
        var spec = TestChips.Ideal(8, 8, 8, adc: "sense_amp", adcBits: 1, card: "hnn64-rram.yaml", costs: []);
        var chip = new Chip(spec, 1);
        var patterns = RandomPatterns.Binary(2, 8, new Random(4));
        chip.Program(0, new HebbRule().Learn(patterns));
        chip.Recall(patterns[0], "sync", UpdateOrder.Sequential, 5);
        var convert = chip.Ledger.Breakdown().Single(r => r.Action == "convert");
        Assert.True(convert.EnergyJ / convert.Count > 1.7e-15 + 0.31e-15, $"{convert.EnergyJ / convert.Count} J per conversion");
        Assert.Contains("ON cell", new ChipBlocks(spec).Rows().Single(r => r.Kind == "adc").EnergyNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkerboard_scheduler_runs_from_yaml_two_half_steps_per_sweep()
    {
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "checker.yaml"), Hnn64("schedule: sync", "schedule: checkerboard"));
        Assert.Equal("checkerboard", spec.Controller.Schedule);

        // 8 neurons, 4 ADCs: a half step is issue 2 + read 1 + 4 conversions in one round of 3 + neuron 1 + latch 1 = 8 cycles.
        var test = TestChips.Ideal(8, 8, 8);
        var chip = new Chip(test, 1);
        var patterns = RandomPatterns.Binary(2, 8, new Random(4));
        chip.Program(0, new HebbRule().Learn(patterns));
        var cue = (double[])patterns[0].Clone();
        cue[2] = -cue[2];
        var result = chip.Recall(cue, spec.Controller.Schedule, UpdateOrder.Sequential, 20);
        Assert.Equal(patterns[0], result.FinalState);
        Assert.True(result.Iterations > 1);
        Assert.Equal(result.Iterations * 8L, result.Updates);
        Assert.Equal(result.Iterations * 2 * 8_000L, result.LatencyPs);
        Assert.Equal(result.Iterations * 8L, chip.Ledger.Breakdown().Single(r => r.Action == "convert").Count);
    }
}
