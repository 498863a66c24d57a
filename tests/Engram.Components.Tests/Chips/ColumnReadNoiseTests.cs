using Engram.Models.Devices;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// Read noise is drawn once per converted column for the combined current Σ_k sign_k·I_k: its mean and variance must
/// be those of independent per-cell fluctuations σ·V·G summed over the column's cells of every array.
/// </summary>
public class ColumnReadNoiseTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Combined_column_noise_has_the_moments_of_per_cell_noise(bool someRowsIdle)
    {
        var spec = TestChips.Ideal(8, 8, 8, card: "hnn64-rram.yaml");
        var chip = new ChipModel(spec, 2);
        chip.Program(0, new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(4))));
        var crossbar = chip.Layers[0].Macro(0, 0).Crossbar;
        var signs = chip.Layers[0].Scale.Signs.ToArray();
        double sigma = spec.Device.Card.ReadNoiseStdRelative;
        Assert.True(sigma > 0);
        var v = Enumerable.Range(0, 8).Select(r => someRowsIdle && r % 3 == 0 ? 0.0 : (r % 2 == 0 ? 0.2 : -0.2)).ToArray();

        var rng = new Random(11);
        const int Reads = 20_000;
        var sum = new double[8];
        var squares = new double[8];
        for (int n = 0; n < Reads; n++)
        {
            v.CopyTo(crossbar.VoltagesV, 0);
            crossbar.ReadAll(rng, signs);
            for (int c = 0; c < 8; c++)
            {
                double i = crossbar.SignedCurrentA(c, signs);
                sum[c] += i;
                squares[c] += i * i;
            }
        }

        for (int c = 0; c < 8; c++)
        {
            double mean = 0, variance = 0;
            for (int k = 0; k < crossbar.Arrays.Count; k++)
            {
                for (int r = 0; r < 8; r++)
                {
                    double g = crossbar.Arrays[k].GetConductance(r, c);
                    mean += signs[k] * v[r] * g;
                    variance += Math.Pow(sigma * v[r] * g, 2);
                }
            }

            double sampleMean = sum[c] / Reads;
            double sampleVariance = (squares[c] / Reads) - (sampleMean * sampleMean);
            Assert.Equal(mean, sampleMean, 5 * Math.Sqrt(variance / Reads));
            // The sample variance of a Gaussian has relative standard error √(2/n) ≈ 1 %.
            Assert.Equal(1, sampleVariance / variance, 0.05);
        }
    }

    [Fact]
    public void Paired_deviates_are_standard_normal_and_depend_only_on_the_stream()
    {
        var a = new double[100_001];
        StandardNormal.Fill(new Random(3), a);
        double mean = a.Average();
        double variance = a.Select(x => (x - mean) * (x - mean)).Average();
        Assert.Equal(0, mean, 0.01);
        Assert.Equal(1, variance, 0.02);
        var b = new double[100_001];
        StandardNormal.Fill(new Random(3), b);
        Assert.Equal(a, b);
    }
}
