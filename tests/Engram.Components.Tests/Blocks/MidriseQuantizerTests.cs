using CsCheck;
using Engram.Components.Blocks.Adc;

namespace Engram.Components.Tests.Blocks;

/// <summary>
/// The converters' codes four at a time (<see cref="MidriseQuantizer.QuantizeEach"/>) and their addition to the fields
/// (<see cref="AdcBank.AddCodes"/>) against one current after another: the same codes and the same field bits, over
/// random currents with the values a quantizer must get right (exact halves of a step, zeros, non-numbers, infinities,
/// currents far beyond the clip).
/// </summary>
public sealed class MidriseQuantizerTests
{
    private static readonly Gen<double> Step = OneOf(1e-6, 2.5e-7, 1.0, 3.0, 1e-300, 0.0);

    private static Gen<double> OneOf(params double[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    // A current in steps: mostly within the clip, with exact halves (k + ½ steps) and the edge values.
    private static Gen<double> CurrentFor(double step) => Gen.Frequency(
        (5, Gen.Double[-40, 40].Select(x => x * step)),
        (3, Gen.Int[-40, 40].Select(k => (k + 0.5) * step)),
        (1, Gen.Int[-40, 40].Select(k => k * step)),
        (1, OneOf(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e300, -1e300)));

    private static readonly Gen<(double Step, int Bits, double[] Currents)> Conversion =
        from step in Step
        from bits in Gen.Int[1, 12]
        from n in Gen.Int[0, 41]
        from currents in CurrentFor(step == 0 ? 1 : step).Array[n]
        select (step, bits, currents);

    [Fact]
    public void Codes_four_at_a_time_are_the_codes_one_at_a_time()
    {
        Conversion.Sample(c =>
        {
            var codes = new int[c.Currents.Length];
            // A one-bit comparator has no sign for a non-number (Math.Sign throws): so must the batch.
            if (c.Bits == 1 && c.Currents.Any(double.IsNaN))
            {
                Assert.Throws<ArithmeticException>(() => MidriseQuantizer.QuantizeEach(c.Currents, c.Step, c.Bits, codes));
                return;
            }

            MidriseQuantizer.QuantizeEach(c.Currents, c.Step, c.Bits, codes);
            for (int i = 0; i < codes.Length; i++)
            {
                Assert.Equal(MidriseQuantizer.Quantize(c.Currents[i], c.Step, c.Bits), codes[i]);
            }
        });
    }

    [Fact]
    public void A_half_step_rounds_away_from_zero_and_the_clip_holds()
    {
        var codes = new int[8];
        MidriseQuantizer.QuantizeEach([0.5, -0.5, 1.5, -2.5, 100, -100, double.PositiveInfinity, 0.49999999999999994], 1.0, 5, codes);
        Assert.Equal([1, -1, 2, -3, 15, -15, 15, 0], codes);
    }

    [Fact]
    public void Codes_added_four_at_a_time_are_the_codes_added_one_at_a_time()
    {
        var gen = from n in Gen.Int[0, 41]
                  from codes in Gen.Int[-255, 255].Array[n]
                  from fields in Gen.Double[-10, 10].Array[n]
                  from step in Gen.Double[1e-8, 1e-5]
                  from perWeight in Gen.Double[1e-7, 1e-4]
                  from planeWeight in OneOf(1.0, 0.5, -128.0, 0.25)
                  select (codes, fields, step, perWeight, planeWeight);
        gen.Sample(g =>
        {
            var expected = (double[])g.fields.Clone();
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] += g.planeWeight * (g.codes[i] * g.step / g.perWeight);
            }

            var actual = (double[])g.fields.Clone();
            AdcBank.AddCodes(g.codes, g.step, g.perWeight, g.planeWeight, actual);
            Assert.Equal(expected, actual);
        });
    }
}
