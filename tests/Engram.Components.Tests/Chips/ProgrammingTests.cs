using Engram.Components.Arch;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

public class ProgrammingTests
{
    // The ideal card (arch/devices/ideal.yaml), written out so the expectations do not come from the code under test.
    private const double GminS = 1e-6, GmaxS = 100e-6, ReadV = 0.2, WriteV = 1.0, WriteS = 1e-9, ReadS = 1e-9;

    // The chip's recall arrays store single precision: every conductance a read sees is the float nearest its value.
    private const double StoredGminS = (float)GminS;
    private const long WritePs = 1_000, ReadPs = 1_000;

    /// <summary>
    /// What write-verify on the ideal card must do to each cell of one array of the 8×8 differential block, from the
    /// weights alone: differential mapping with wMax = max|W| puts Gmin + |w|/wMax·(Gmax − Gmin) on the plus cell of a
    /// positive weight and Gmin on its minus cell (the other way round for a negative weight, both Gmin for zero).
    /// Cells start at Gmin, so a cell whose target is not Gmin takes one exact pulse and two verify reads (before
    /// and after), any other cell one read.
    /// </summary>
    private static double[] Targets(double[] weights, bool plus)
    {
        double wMax = weights.Max(Math.Abs);
        var targets = new double[64];
        for (int input = 0; input < 8; input++)
        {
            for (int output = 0; output < 8; output++)
            {
                double w = weights[(output * 8) + input];
                bool onThisSide = plus ? w > 0 : w < 0;
                targets[(input * 8) + output] = (float)(onThisSide ? GminS + (Math.Abs(w) / wMax * (GmaxS - GminS)) : GminS);
            }
        }

        return targets;
    }

    private static double[] Weights() => new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(6)));

    [Fact]
    public void Write_verify_programming_charges_pulses_and_reads_and_takes_the_slowest_array()
    {
        var spec = TestChips.Ideal(8, 8, 8, costs: []);
        var chip = new ChipModel(spec, 1);
        var weights = Weights();
        var result = chip.ProgramVerified(0, weights);

        long expectedPulses = 0, expectedReads = 0, slowestPs = 0;
        double physicalJ = 0, verifyAtTargetJ = 0, pulseJ = 0;
        var arrays = chip.Layers[0].Macro(0, 0).Crossbar.Arrays;
        foreach (var (array, targets) in new[] { (arrays[0], Targets(weights, plus: true)), (arrays[1], Targets(weights, plus: false)) })
        {
            long arrayPs = 0;
            for (int cell = 0; cell < 64; cell++)
            {
                double g = targets[cell];
                bool moves = g != StoredGminS;
                int pulses = moves ? 1 : 0, reads = moves ? 2 : 1;
                expectedPulses += pulses;
                expectedReads += reads;
                arrayPs += (pulses * WritePs) + (reads * ReadPs);

                // Physically: the first verify read sees Gmin, the pulse and the second read the target.
                physicalJ += moves
                    ? (WriteV * WriteV * g * WriteS) + (ReadV * ReadV * StoredGminS * ReadS) + (ReadV * ReadV * g * ReadS)
                    : ReadV * ReadV * StoredGminS * ReadS;
                verifyAtTargetJ += moves ? ReadV * ReadV * (g - StoredGminS) * ReadS : 0;
                pulseJ += moves ? WriteV * WriteV * g * WriteS : 0;

                // Exact write: every cell lands on its target.
                Assert.Equal(g, array.GetConductance(cell / 8, cell % 8), 1e-15);
            }

            slowestPs = Math.Max(slowestPs, arrayPs);
        }

        Assert.True(expectedPulses > 0);
        Assert.True(expectedReads > expectedPulses);
        Assert.Equal(expectedPulses, result.Pulses);
        Assert.Equal(expectedReads, result.VerifyReads);
        Assert.Equal(0, result.Unconverged);
        Assert.Equal(slowestPs, result.LatencyPs);

        // Each read is charged at the conductance it sees: the first at Gmin, the pulse and the second at the target.
        Assert.Equal(1, result.EnergyJ / physicalJ, 12);
        Assert.True(verifyAtTargetJ > 0, "some cells move, so charging the first read at the target would differ");

        // The programmer charges pulses and verify reads as its own two actions.
        var rows = chip.Ledger.Breakdown().Where(r => r.ComponentPath == "L0/b0.0/programmer").ToDictionary(r => r.Action);
        Assert.Equal(expectedPulses, rows["program_pulse"].Count);
        Assert.Equal(expectedReads, rows["verify_read"].Count);
        Assert.Equal(1, rows["program_pulse"].EnergyJ / pulseJ, 12);
        Assert.Equal(1, rows["verify_read"].EnergyJ / (physicalJ - pulseJ), 12);
        Assert.Equal((expectedPulses * WritePs) + (expectedReads * ReadPs), rows["program_pulse"].BusyPs + rows["verify_read"].BusyPs);
    }

    [Fact]
    public void Write_verify_energy_charges_each_read_at_the_conductance_it_sees()
    {
        var chip = new ChipModel(TestChips.Ideal(8, 8, 8, costs: []), 1);
        var weights = Weights();
        var result = chip.ProgramVerified(0, weights);
        double expectedJ = 0;
        foreach (bool plus in new[] { true, false })
        {
            foreach (double g in Targets(weights, plus))
            {
                expectedJ += g != StoredGminS
                    ? (WriteV * WriteV * g * WriteS) + (ReadV * ReadV * StoredGminS * ReadS) + (ReadV * ReadV * g * ReadS)
                    : ReadV * ReadV * StoredGminS * ReadS;
            }
        }

        Assert.Equal(1, result.EnergyJ / expectedJ, 12);
    }

    [Fact]
    public void A_forward_pass_on_an_ideal_chip_matches_the_matrix_product_to_one_code()
    {
        var spec = TestChips.Ideal(8, 8, 8, costs: []);
        var chip = new ChipModel(spec, 1);
        var weights = Weights();
        chip.Program(0, weights);
        var input = RandomPatterns.Binary(1, 8, new Random(8))[0];
        var output = new double[8];
        chip.Forward(0, input, output);

        // Full scale = fraction 1 · wMax 1 (Hebb weights are normalised) · 8 rows; a signed 5-bit code has 16 steps.
        Assert.Equal(1.0, weights.Max(Math.Abs));
        const double codeStepInWeightUnits = 8.0 / 16;
        Assert.Equal(codeStepInWeightUnits, chip.Layers[0].Scale.CodeStepA / (chip.Layers[0].Scale.ReadVoltageV * chip.Layers[0].Scale.SiemensPerWeight), 12);
        for (int o = 0; o < 8; o++)
        {
            double exact = Enumerable.Range(0, 8).Sum(i => weights[(o * 8) + i] * input[i]);
            Assert.InRange(output[o], exact - (codeStepInWeightUnits / 2) - 1e-9, exact + (codeStepInWeightUnits / 2) + 1e-9);
        }
    }
}
