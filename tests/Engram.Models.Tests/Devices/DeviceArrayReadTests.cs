using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

public class DeviceArrayReadTests
{
    private static DeviceArray RandomArray(int rows, int cols, double readNoise = 0)
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), readNoise: readNoise);
        var array = TestCards.Array(card, rows, cols);
        var rng = new Random(42);
        var targets = Enumerable.Range(0, rows * cols).Select(_ => TestCards.GminS + rng.NextDouble() * 100e-6).ToArray();
        DeviceProgramming.SetConductances(array, targets, rng);
        return array;
    }

    private static double[] Voltages(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(i => i % 5 == 0 ? 0.0 : rng.NextDouble() * 0.4 - 0.2).ToArray();
    }

    [Fact]
    public void Column_currents_equal_a_naive_double_loop()
    {
        var array = RandomArray(37, 29);
        var v = Voltages(37, 1);
        var currents = new double[29];
        array.ReadCurrents(v, currents, null);
        for (int c = 0; c < 29; c++)
        {
            double expected = 0;
            for (int r = 0; r < 37; r++)
            {
                expected += v[r] * array.GetConductance(r, c);
            }

            Assert.Equal(expected, currents[c], 1e-15);
            Assert.Equal(expected, array.ReadColumn(v, c, null), 1e-15);
        }
    }

    [Fact]
    public void Noisy_reads_average_to_the_noise_free_currents()
    {
        var array = RandomArray(16, 8, readNoise: 0.1);
        var v = Voltages(16, 2);
        var exact = new double[8];
        array.ReadCurrents(v, exact, null);
        var sum = new double[8];
        var one = new double[8];
        var rng = new Random(9);
        const int Reads = 4000;
        for (int k = 0; k < Reads; k++)
        {
            array.ReadCurrents(v, one, rng);
            Assert.NotEqual(exact, one);
            for (int c = 0; c < 8; c++)
            {
                sum[c] += one[c];
            }
        }

        for (int c = 0; c < 8; c++)
        {
            double std = Math.Sqrt(Enumerable.Range(0, 16).Sum(r => Math.Pow(v[r] * array.GetConductance(r, c) * 0.1, 2)));
            Assert.Equal(exact[c], sum[c] / Reads, 4 * std / Math.Sqrt(Reads));
        }
    }

    [Fact]
    public void Conductance_sums_and_read_power_match_naive_sums_over_driven_rows()
    {
        var array = RandomArray(12, 10);
        var v = Voltages(12, 3);
        var sums = new double[10];
        array.DrivenConductanceSums(v, sums);
        double power = 0;
        for (int c = 0; c < 10; c++)
        {
            double expected = 0;
            for (int r = 0; r < 12; r++)
            {
                if (v[r] != 0)
                {
                    expected += array.GetConductance(r, c);
                }

                power += v[r] * v[r] * array.GetConductance(r, c);
            }

            Assert.Equal(expected, sums[c], 1e-15);
        }

        Assert.Equal(power, array.ReadPowerW(v), 1e-15);
        Assert.Equal(Enumerable.Range(0, 12).Sum(r => v[r] * v[r] * array.GetConductance(r, 4)), array.ReadColumnPowerW(v, 4), 1e-15);
        Assert.Equal(array.Conductances.ToArray().Count(g => g >= 51e-6), array.CountOnCells(51e-6));
    }

    [Fact]
    public void Reads_and_pulse_updates_allocate_nothing()
    {
        var array = RandomArray(64, 64, readNoise: 0.02);
        var v = Voltages(64, 4);
        var currents = new double[64];
        var rng = new Random(1);
        var updater = new StochasticPulseUpdater(64, 64);
        var x = Voltages(64, 5);
        var d = Voltages(64, 6);
        array.ReadCurrents(v, currents, rng);
        array.ReadColumn(v, 3, rng);
        updater.Update(array, x, d, 0.01, rng);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 20; k++)
        {
            array.ReadCurrents(v, currents, rng);
            array.ReadColumn(v, k, rng);
            updater.Update(array, x, d, 0.01, rng);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
