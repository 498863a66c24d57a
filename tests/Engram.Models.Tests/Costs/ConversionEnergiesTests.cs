using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

/// <summary>
/// A read's conversions take their energies in one call per macro; each must be, to the bit, the energy of that
/// column's conversion on its own, for the converter that overrides the batch (SAR) and the ones that do not.
/// </summary>
public class ConversionEnergiesTests
{
    public static TheoryData<string, int, double> Converters() => new()
    {
        { "sar", 5, 22 },
        { "sar", 8, 45 },
        { "flash", 4, 22 },
    };

    [Theory]
    [MemberData(nameof(Converters))]
    public void Energies_of_a_reads_columns_are_each_columns_conversion(string kind, int bits, double nodeNm)
    {
        IAdcCostModel adc = kind == "sar" ? new SarAdcCost(bits, nodeNm) : new FlashAdcCost(bits, nodeNm);
        var rng = new Random(bits);
        // Column conductances from none to 128 cells at 1/6 kΩ, some exactly 0.
        double[] conductancesS = [.. Enumerable.Range(0, 131).Select(i => i % 17 == 0 ? 0 : rng.NextDouble() * 128 / 6_000)];
        foreach (double readV in new[] { 0.1, 0.5, 0.85 })
        {
            var energiesJ = new double[conductancesS.Length + 1];
            energiesJ[^1] = -1;
            adc.ConversionEnergiesJ(conductancesS, readV, energiesJ);
            for (int c = 0; c < conductancesS.Length; c++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(adc.ConversionEnergyJ(conductancesS[c], readV)), BitConverter.DoubleToInt64Bits(energiesJ[c]));
            }

            Assert.Equal(-1, energiesJ[^1]);
            // The column term counts: a column conducting more costs more.
            Assert.True(energiesJ[1] != energiesJ[0]);
        }
    }
}
