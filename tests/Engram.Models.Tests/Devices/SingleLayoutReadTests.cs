using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>
/// A single-precision array keeps each bit line's cells contiguous; every read must still see the cell at
/// (row, col): the same sums, in the same row order, as a loop over <see cref="DeviceArray.GetConductance"/>.
/// </summary>
public class SingleLayoutReadTests
{
    public static TheoryData<int, int> Shapes() => new() { { 37, 29 }, { 64, 64 }, { 70, 16 }, { 5, 3 } };

    private static DeviceArray SingleArray(int rows, int cols, double readNoise)
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), readNoise: readNoise);
        var array = new DeviceArray(card, rows, cols, () => new Random(3), () => new Random(4), precision: CellPrecision.Single);
        var rng = new Random(42);
        var targets = Enumerable.Range(0, rows * cols).Select(_ => TestCards.GminS + rng.NextDouble() * 100e-6).ToArray();
        DeviceProgramming.SetConductances(array, targets, rng);
        Assert.Equal(CellPrecision.Single, array.Precision);
        return array;
    }

    private static double[] Voltages(int n, int seed, bool allDriven)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(i => !allDriven && i % 5 == 0 ? 0.0 : rng.NextDouble() * 0.4 - 0.2)];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Column_reads_sum_the_cells_in_row_order(int rows, int cols)
    {
        var array = SingleArray(rows, cols, readNoise: 0.03);
        foreach (bool allDriven in new[] { true, false })
        {
            var v = Voltages(rows, rows + cols, allDriven);
            var variance = new double[cols];
            array.AddReadNoiseVariance(v, variance, 2.0);
            var driven = new double[cols];
            array.DrivenConductanceSums(v, driven);
            for (int c = 0; c < cols; c++)
            {
                double current = 0, power = 0, sumG = 0, squares = 0, weighted = 0;
                for (int r = 0; r < rows; r++)
                {
                    if (v[r] != 0)
                    {
                        double g = array.GetConductance(r, c);
                        current += v[r] * g;
                        power += v[r] * v[r] * g;
                        sumG += g;
                        squares += v[r] * g * (v[r] * g);
                        weighted += 2.0 * 0.03 * 0.03 * v[r] * v[r] * g * g;
                    }
                }

                Assert.Equal(current, array.ReadColumn(v, c, out double p, out double d, out double var));
                Assert.Equal(power, p);
                Assert.Equal(sumG, d);
                Assert.Equal(0.03 * 0.03 * squares, var);
                Assert.Equal(sumG, driven[c]);
                Assert.Equal(weighted, variance[c], weighted * 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Whole_array_reads_agree_with_the_column_reads_to_single_precision(int rows, int cols)
    {
        var array = SingleArray(rows, cols, readNoise: 0);
        var v = Voltages(rows, 7, allDriven: false);
        var currents = new double[cols];
        array.ReadCurrents(v, currents, null);
        for (int c = 0; c < cols; c++)
        {
            double scale = 0;
            for (int r = 0; r < rows; r++)
            {
                scale += Math.Abs(v[r] * array.GetConductance(r, c));
            }

            Assert.Equal(array.ReadColumn(v, c, null), currents[c], scale * 1e-6);
        }

        // Row sums (the power cache) walk across the bit lines: the cell at (row, col) whatever the layout.
        var sums = new double[rows];
        array.RowSumsS(sums);
        for (int r = 0; r < rows; r++)
        {
            double expected = 0;
            for (int c = 0; c < cols; c++)
            {
                expected += array.GetConductance(r, c);
            }

            Assert.Equal(expected, array.RowSumS(r));
            Assert.Equal(expected, sums[r]);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_fully_driven_column_read_agrees_with_the_summed_read(int rows, int cols)
    {
        var array = SingleArray(rows, cols, readNoise: 0.03);
        var rng = new Random(rows * cols);
        var v = Enumerable.Range(0, rows).Select(_ => rng.Next(2) == 0 ? -0.2 : 0.2).ToArray();
        var single = v.Select(x => (float)x).ToArray();
        for (int c = 0; c < cols; c++)
        {
            double summed = array.ReadColumn(v, c, out double power, out double driven, out double variance);
            double current = array.ReadDrivenColumn(single, 0.2 * 0.2, c, out double p, out double d, out double var);
            double scale = 0.2 * driven;
            Assert.Equal(summed, current, scale * 1e-6);
            Assert.Equal(power, p, power * 1e-12);
            Assert.Equal(driven, d);
            Assert.Equal(variance, var, variance * 1e-12);
        }
    }

    [Fact]
    public void The_single_dot_product_sums_in_a_fixed_order_close_to_the_exact_sum()
    {
        var rng = new Random(9);
        foreach (int n in new[] { 0, 1, 7, 8, 31, 32, 33, 100, 257 })
        {
            var x = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
            double exact = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                exact += (double)x[i] * y[i];
                scale += Math.Abs((double)x[i] * y[i]);
            }

            float dot = SingleDot.Of(x, y);
            Assert.Equal(exact, dot, (scale * 1e-6) + 1e-30);
            Assert.Equal(LaneOrder(x, y), dot);
        }
    }

    [Fact]
    public void Dots_of_consecutive_bit_lines_are_each_the_single_dot_product()
    {
        var rng = new Random(10);
        foreach (int n in new[] { 1, 7, 8, 31, 32, 33, 64, 128, 257 })
        {
            foreach (int columns in new[] { 0, 1, 3, 4, 5, 8, 9, 12, 16, 21 })
            {
                var x = Enumerable.Range(0, n * columns).Select(_ => (float)rng.NextDouble()).ToArray();
                var y = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
                var dots = new double[columns];
                SingleDot.OfEach(x, n, y, dots);
                for (int c = 0; c < columns; c++)
                {
                    Assert.Equal(LaneOrder(x[(c * n)..((c + 1) * n)], y), dots[c]);
                }
            }
        }
    }

    // The documented order in scalar floats: four accumulators of eight lanes over blocks of 32, leftover blocks of
    // eight into the first, lanes summed pairwise, then the tail. Equal to the bit on any machine.
    private static float LaneOrder(float[] x, float[] y)
    {
        var acc = new float[4, 8];
        int i = 0;
        for (; i + 32 <= x.Length; i += 32)
        {
            for (int a = 0; a < 4; a++)
            {
                for (int l = 0; l < 8; l++)
                {
                    float product = x[i + (8 * a) + l] * y[i + (8 * a) + l];
                    acc[a, l] += product;
                }
            }
        }

        for (; i + 8 <= x.Length; i += 8)
        {
            for (int l = 0; l < 8; l++)
            {
                float product = x[i + l] * y[i + l];
                acc[0, l] += product;
            }
        }

        var lanes = new float[8];
        for (int l = 0; l < 8; l++)
        {
            lanes[l] = (acc[0, l] + acc[1, l]) + (acc[2, l] + acc[3, l]);
        }

        float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; i < x.Length; i++)
        {
            float product = x[i] * y[i];
            sum += product;
        }

        return sum;
    }
}
