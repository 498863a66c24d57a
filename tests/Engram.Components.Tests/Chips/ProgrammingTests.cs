using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

public class ProgrammingTests
{
    [Fact]
    public void Write_verify_programming_charges_pulses_and_reads_and_takes_the_slowest_array()
    {
        // Ideal card: one exact programming pulse per cell off target (1 ns at 1 V), one verify read before and after (1 ns at 0.2 V).
        var spec = TestChips.Ideal(8, 8, 8, costs: []);
        var chip = new ChipModel(spec, 1);
        var card = spec.Device.Card;
        var weights = new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(6)));
        var result = chip.ProgramVerified(0, weights);

        var block = chip.Layers[0].Block(0, 0);
        double expectedJ = 0;
        long expectedPulses = 0, expectedReads = 0, slowestPs = 0;
        foreach (var array in new[] { block.Plus, block.Minus! })
        {
            long arrayPs = 0;
            for (int r = 0; r < 8; r++)
            {
                for (int c = 0; c < 8; c++)
                {
                    double g = array.GetConductance(r, c);
                    bool moved = Math.Abs(g - card.GminS) > 1e-15;
                    int pulses = moved ? 1 : 0, reads = moved ? 2 : 1;
                    expectedPulses += pulses;
                    expectedReads += reads;
                    arrayPs += (pulses + reads) * 1_000L;
                    expectedJ += (pulses * card.WritePulse.VoltageV * card.WritePulse.VoltageV * g * 1e-9) + (reads * card.ReadVoltageV * card.ReadVoltageV * g * 1e-9);
                }
            }

            slowestPs = Math.Max(slowestPs, arrayPs);
        }

        Assert.Equal(expectedPulses, result.Pulses);
        Assert.Equal(expectedReads, result.VerifyReads);
        Assert.Equal(0, result.Unconverged);
        Assert.Equal(slowestPs, result.LatencyPs);
        Assert.Equal(1, result.EnergyJ / expectedJ, 12);
        Assert.True(result.Pulses > 0);
    }

    [Fact]
    public void A_forward_pass_on_an_ideal_chip_matches_the_matrix_product_to_one_code()
    {
        var spec = TestChips.Ideal(8, 8, 8, costs: []);
        var chip = new ChipModel(spec, 1);
        var weights = new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(6)));
        chip.Program(0, weights);
        var input = RandomPatterns.Binary(1, 8, new Random(8))[0];
        var output = new double[8];
        chip.Forward(0, input, output);
        double codeStepInWeightUnits = chip.Layers[0].CodeStepA / (chip.Layers[0].ReadVoltageV * chip.Layers[0].SiemensPerWeight);
        for (int o = 0; o < 8; o++)
        {
            double exact = Enumerable.Range(0, 8).Sum(i => weights[(o * 8) + i] * input[i]);
            Assert.InRange(output[o], exact - (codeStepInWeightUnits / 2) - 1e-9, exact + (codeStepInWeightUnits / 2) + 1e-9);
        }
    }
}
