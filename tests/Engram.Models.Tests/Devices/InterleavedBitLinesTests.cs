using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>
/// Arrays that share an <see cref="InterleavedBitLines"/> buffer hold and read exactly what the same arrays on their own
/// buffers do: only where the cells lie changes, so every cell, read, sum and write is the same bit for bit, and a write
/// to one array never shows in its neighbours.
/// </summary>
public class InterleavedBitLinesTests
{
    public static TheoryData<int, int, int> Shapes() => new() { { 3, 37, 29 }, { 4, 64, 64 }, { 1, 5, 3 }, { 2, 16, 70 } };

    private static DeviceCard Card() => TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), readNoise: 0.03);

    private static DeviceArray[] Build(int arrays, int rows, int cols, InterleavedBitLines? lines)
    {
        var card = Card();
        return [.. Enumerable.Range(0, arrays).Select(a =>
        {
            var array = new DeviceArray(card, rows, cols, () => new Random(10 + a), () => new Random(20 + a),
                place: lines is null ? null : new BitLinePlace(lines, a));
            var rng = new Random(30 + a);
            var targets = Enumerable.Range(0, rows * cols).Select(_ => TestCards.GminS + rng.NextDouble() * 100e-6).ToArray();
            DeviceProgramming.SetConductances(array, targets, new Random(40 + a));
            return array;
        })];
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Shared_arrays_hold_and_read_what_arrays_on_their_own_buffers_do(int arrays, int rows, int cols)
    {
        var alone = Build(arrays, rows, cols, null);
        var shared = Build(arrays, rows, cols, new InterleavedBitLines(arrays, rows, cols));
        var rng = new Random(5);
        double[] driven = [.. Enumerable.Range(0, rows).Select(_ => rng.Next(2) == 0 ? -0.2 : 0.2)];
        double[] partly = [.. Enumerable.Range(0, rows).Select(r => r % 3 == 0 ? 0.0 : rng.NextDouble() - 0.5)];
        var drivenSingle = new float[rows];
        SingleVoltages.Narrow(driven, drivenSingle);
        // Every array's bit-line sums are kept first, so that each later read finds its own among its neighbours'.
        foreach (var array in shared)
        {
            DrivenSums(array, driven);
        }

        for (int a = 0; a < arrays; a++)
        {
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    Assert.Equal(alone[a].GetConductance(r, c), shared[a].GetConductance(r, c));
                }
            }

            foreach (var v in new[] { driven, partly })
            {
                Assert.Equal(Currents(alone[a], v), Currents(shared[a], v));
                Assert.Equal(Variances(alone[a], v), Variances(shared[a], v));
                Assert.Equal(DrivenSums(alone[a], v), DrivenSums(shared[a], v));
                for (int c = 0; c < cols; c++)
                {
                    Assert.Equal(alone[a].ReadColumn(v, c, out double p1, out double d1, out double n1), shared[a].ReadColumn(v, c, out double p2, out double d2, out double n2));
                    Assert.Equal((p1, d1, n1), (p2, d2, n2));
                }
            }

            for (int c = 0; c < cols; c++)
            {
                Assert.Equal(
                    alone[a].ReadDrivenColumn(drivenSingle, 0.04, c, out double p1, out double d1, out double n1),
                    shared[a].ReadDrivenColumn(drivenSingle, 0.04, c, out double p2, out double d2, out double n2));
                Assert.Equal((p1, d1, n1), (p2, d2, n2));
            }
        }
    }

    [Fact]
    public void A_write_to_one_shared_array_leaves_its_neighbours_alone()
    {
        var lines = new InterleavedBitLines(3, 8, 6);
        var shared = Build(3, 8, 6, lines);
        var before = shared.Select(Cells).ToArray();
        shared[1].Fill(TestCards.GminS + 50e-6);
        Assert.Equal(before[0], Cells(shared[0]));
        Assert.Equal(before[2], Cells(shared[2]));
        Assert.NotEqual(before[1], Cells(shared[1]));
        // The kept bit-line sums follow the write, and only for the written array.
        var v = Enumerable.Repeat(0.2, 8).ToArray();
        Assert.Equal(Currents(Build(3, 8, 6, null)[0], v), Currents(shared[0], v));
        double[] expected = [.. Enumerable.Range(0, 6).Select(c => Enumerable.Range(0, 8).Sum(r => shared[1].GetConductance(r, c)))];
        var sums = DrivenSums(shared[1], v);
        for (int c = 0; c < 6; c++)
        {
            Assert.Equal(expected[c], sums[c], expected[c] * 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_bit_line_read_from_the_buffer_is_the_arrays_own_read(int arrays, int rows, int cols)
    {
        var lines = new InterleavedBitLines(arrays, rows, cols);
        var shared = Build(arrays, rows, cols, lines);
        var rng = new Random(8);
        var v = new float[rows];
        SingleVoltages.Narrow([.. Enumerable.Range(0, rows).Select(_ => rng.Next(2) == 0 ? -0.2 : 0.2)], v);
        double sigma = Card().ReadNoiseStdRelative;
        // Programmed, but no array has taken its sums: the buffer's are not to be read.
        Assert.False(lines.SumsCurrent);
        Assert.Throws<InvalidOperationException>(() => lines.ReadDrivenColumn(0, 0, v, 0.04, sigma, out _, out _, out _));
        foreach (var array in shared)
        {
            array.PrecomputeColumnSums();
        }

        Assert.True(lines.SumsCurrent);
        for (int a = 0; a < arrays; a++)
        {
            for (int c = 0; c < cols; c++)
            {
                Assert.Equal(
                    shared[a].ReadDrivenColumn(v, 0.04, c, out double p1, out double d1, out double n1),
                    lines.ReadDrivenColumn(a, c, v, 0.04, sigma, out double p2, out double d2, out double n2));
                Assert.Equal((p1, d1, n1), (p2, d2, n2));
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => lines.ReadDrivenColumn(arrays, 0, v, 0.04, sigma, out _, out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => lines.ReadDrivenColumn(0, cols, v, 0.04, sigma, out _, out _, out _));
    }

    // A whole read's column terms taken from the buffer's sums: what the arrays' own DrivenConductanceSums and
    // AddReadNoiseVariance give, added array by array as a crossbar adds its arrays (here two, weights 1 and 4).
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Driven_sums_from_the_buffer_are_the_arrays_own(int arrays, int rows, int cols)
    {
        var lines = new InterleavedBitLines(arrays, rows, cols);
        var shared = Build(arrays, rows, cols, lines);
        double[] v = [.. Enumerable.Range(0, rows).Select(r => r % 3 == 0 ? -0.2 : 0.2)];
        double sigma = Card().ReadNoiseStdRelative, square = v[0] * v[0];
        int converted = Math.Max(1, cols - 1);
        var conductances = new double[converted];
        var variances = new double[converted];
        Assert.Throws<InvalidOperationException>(() => lines.AddDrivenSums(0, 1, sigma, square, true, conductances, variances));
        foreach (var array in shared)
        {
            array.PrecomputeColumnSums();
        }

        int second = arrays > 1 ? 1 : 0;
        lines.AddDrivenSums(0, 1, sigma, square, true, conductances, variances);
        lines.AddDrivenSums(second, 4, sigma, square, false, conductances, variances);
        var expectedVariance = new double[cols];
        shared[0].AddReadNoiseVariance(v, expectedVariance, 1);
        shared[second].AddReadNoiseVariance(v, expectedVariance, 4);
        var first = DrivenSums(shared[0], v);
        var other = DrivenSums(shared[second], v);
        for (int c = 0; c < converted; c++)
        {
            Assert.Equal(first[c] + other[c], conductances[c]);
            Assert.Equal(expectedVariance[c], variances[c]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => lines.AddDrivenSums(arrays, 1, sigma, square, true, conductances, variances));
    }

    // Each array driven with its own word lines, some idle (0 V), one array all idle.
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_current_read_in_one_pass_is_each_arrays_own_read(int arrays, int rows, int cols)
    {
        var lines = new InterleavedBitLines(arrays, rows, cols);
        var shared = Build(arrays, rows, cols, lines);
        var rng = new Random(12);
        double[][] voltages = [.. Enumerable.Range(0, arrays).Select(a => Enumerable.Range(0, rows)
            .Select(r => a == arrays - 1 && arrays > 1 ? 0.0 : r % 4 == 0 ? 0.0 : rng.NextDouble() - 0.5).ToArray())];
        var single = new float[arrays * rows];
        for (int a = 0; a < arrays; a++)
        {
            SingleVoltages.Narrow(voltages[a], single.AsSpan(a * rows, rows));
        }

        var currents = Enumerable.Range(0, arrays).Select(_ => new double[cols]).ToArray();
        Assert.Throws<InvalidOperationException>(() => lines.ReadAllCurrents(single, currents));
        foreach (var array in shared)
        {
            array.PrecomputeColumnSums();
        }

        lines.ReadAllCurrents(single, currents);
        for (int a = 0; a < arrays; a++)
        {
            Assert.Equal(Currents(shared[a], voltages[a]).Select(BitConverter.DoubleToInt64Bits), currents[a].Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Throws<ArgumentException>(() => lines.ReadAllCurrents(single.AsSpan(1), currents));
    }

    [Fact]
    public void A_write_leaves_the_buffers_sums_stale_until_the_written_array_takes_them_again()
    {
        var lines = new InterleavedBitLines(2, 8, 6);
        var shared = Build(2, 8, 6, lines);
        foreach (var array in shared)
        {
            array.PrecomputeColumnSums();
        }

        Assert.True(lines.SumsCurrent);
        shared[1].Fill(TestCards.GminS + 50e-6);
        Assert.False(lines.SumsCurrent);
        // The other array's sums were current all along: taking them again changes nothing.
        shared[0].PrecomputeColumnSums();
        Assert.False(lines.SumsCurrent);
        shared[1].PrecomputeColumnSums();
        Assert.True(lines.SumsCurrent);
        var v = new float[8];
        SingleVoltages.Narrow(Enumerable.Repeat(0.2, 8).ToArray(), v);
        for (int c = 0; c < 6; c++)
        {
            double expected = Enumerable.Range(0, 8).Sum(r => shared[1].GetConductance(r, c));
            lines.ReadDrivenColumn(1, c, v, 0.04, 0.03, out _, out double drivenS, out _);
            Assert.Equal(expected, drivenS, expected * 1e-12);
        }
    }

    [Fact]
    public void A_place_of_another_shape_or_precision_is_refused()
    {
        var lines = new InterleavedBitLines(2, 8, 6);
        var card = Card();
        Assert.Throws<ArgumentException>(() => new DeviceArray(card, 8, 7, () => new Random(1), () => new Random(2), place: new BitLinePlace(lines, 0)));
        Assert.Throws<ArgumentException>(() => new DeviceArray(card, 8, 6, () => new Random(1), () => new Random(2), precision: CellPrecision.Double, place: new BitLinePlace(lines, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceArray(card, 8, 6, () => new Random(1), () => new Random(2), place: new BitLinePlace(lines, 2)));
    }

    [Fact]
    public void Strided_dot_products_are_those_of_the_spans_copied_out()
    {
        var rng = new Random(9);
        foreach (int n in new[] { 3, 8, 13, 64 })
        {
            int count = 21, stride = n + 5;
            float[] x = [.. Enumerable.Range(0, ((count - 1) * stride) + n).Select(_ => (float)(rng.NextDouble() - 0.5))];
            float[] y = [.. Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() - 0.5))];
            var strided = new double[count];
            SingleDot.OfEach(x, stride, y, strided);
            var packed = new float[count * n];
            for (int c = 0; c < count; c++)
            {
                x.AsSpan(c * stride, n).CopyTo(packed.AsSpan(c * n));
            }

            var contiguous = new double[count];
            SingleDot.OfEach(packed, n, y, contiguous);
            Assert.Equal(contiguous, strided);
            for (int c = 0; c < count; c++)
            {
                Assert.Equal(SingleDot.Of(x.AsSpan(c * stride, n), y), strided[c]);
            }
        }
    }

    [Fact]
    public void Paired_dot_products_are_those_of_each_pair()
    {
        var rng = new Random(10);
        foreach (int n in new[] { 3, 8, 13, 37, 64 })
        {
            int count = 21;
            float[] x = [.. Enumerable.Range(0, count * n).Select(_ => (float)(rng.NextDouble() - 0.5))];
            float[] y = [.. Enumerable.Range(0, count * n).Select(_ => (float)(rng.NextDouble() - 0.5))];
            var dots = new double[count];
            SingleDot.OfEachPair(x, y, n, dots);
            for (int c = 0; c < count; c++)
            {
                Assert.Equal(SingleDot.Of(x.AsSpan(c * n, n), y.AsSpan(c * n, n)), dots[c]);
            }

            Assert.Throws<ArgumentException>(() => SingleDot.OfEachPair(x.AsSpan(1), y, n, dots));
        }
    }

    private static double[] Cells(DeviceArray array) =>
        [.. Enumerable.Range(0, array.Rows * array.Cols).Select(i => array.GetConductance(i / array.Cols, i % array.Cols))];

    private static double[] Currents(DeviceArray array, double[] v)
    {
        var currents = new double[array.Cols];
        array.ReadCurrents(v, currents, null);
        return currents;
    }

    private static double[] Variances(DeviceArray array, double[] v)
    {
        var variance = new double[array.Cols];
        array.AddReadNoiseVariance(v, variance, 1.0);
        return variance;
    }

    private static double[] DrivenSums(DeviceArray array, double[] v)
    {
        var sums = new double[array.Cols];
        array.DrivenConductanceSums(v, sums);
        return sums;
    }
}
