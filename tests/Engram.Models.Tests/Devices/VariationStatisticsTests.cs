using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>Device-to-device sampling (§3.1), cycle-to-cycle, read and programming noise, over many samples.</summary>
public class VariationStatisticsTests
{
    private const int Devices = 20000;

    [Fact]
    public void Step_scale_spread_matches_dw_min_dtod()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.ConstantStep, DwMin = 0.002, DwMinDtod = 0.3, UpDownDtod = 0 };
        var m = PulseResponse.Create(spec, Devices, new Random(5));
        var (mean, std) = TestCards.Stats(Enumerable.Range(0, Devices).Select(m.DwMinUp).ToList());
        Assert.InRange(mean / 0.002, 0.99, 1.01);
        Assert.InRange(std / 0.002, 0.29, 0.31);
        Assert.All(Enumerable.Range(0, Devices), i => Assert.Equal(m.DwMinUp(i), m.DwMinDown(i)));
    }

    [Fact]
    public void Bounds_spread_matches_w_max_dtod_and_w_min_dtod()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.ConstantStep, WMax = 1.25, WMin = -0.75, WMaxDtod = 0.24, WMinDtod = 0.1 };
        var m = PulseResponse.Create(spec, Devices, new Random(6));
        var (maxMean, maxStd) = TestCards.Stats(Enumerable.Range(0, Devices).Select(m.MaxBound).ToList());
        var (minMean, minStd) = TestCards.Stats(Enumerable.Range(0, Devices).Select(m.MinBound).ToList());
        Assert.InRange(maxMean, 1.24, 1.26);
        Assert.InRange(maxStd, 0.29, 0.31);
        Assert.InRange(minMean, -0.76, -0.74);
        Assert.InRange(minStd, 0.070, 0.080);
    }

    [Fact]
    public void Up_down_weakens_only_the_opposite_direction_and_its_spread_is_antisymmetric()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.ConstantStep, DwMin = 0.001, DwMinDtod = 0, UpDown = 0.2, UpDownDtod = 0.01 };
        var m = PulseResponse.Create(spec, Devices, new Random(8));
        var up = Enumerable.Range(0, Devices).Select(i => m.DwMinUp(i) / 0.001).ToList();
        var down = Enumerable.Range(0, Devices).Select(i => m.DwMinDown(i) / 0.001).ToList();
        Assert.InRange(up.Average(), 0.999, 1.001);
        Assert.InRange(down.Average(), 0.799, 0.801);
        Assert.InRange(TestCards.Stats(up).Std, 0.0095, 0.0105);
        Assert.All(Enumerable.Range(0, Devices), i => Assert.Equal(1.8, up[i] + down[i], 9));
    }

    [Fact]
    public void Corrupt_devices_appear_at_their_rate_with_zero_steps_and_collapsed_bounds()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, CorruptDevicesProb = 0.1, CorruptDevicesRange = 0.2 };
        var m = PulseResponse.Create(spec, Devices, new Random(9));
        var corrupt = Enumerable.Range(0, Devices).Where(m.IsCorrupt).ToList();
        Assert.InRange(corrupt.Count / (double)Devices, 0.093, 0.107);
        Assert.All(corrupt, i =>
        {
            Assert.Equal(0.0, m.DwMinUp(i));
            Assert.Equal(m.MinBound(i), m.MaxBound(i));
            Assert.InRange(m.MaxBound(i), -0.2, 0.2);
            Assert.Equal(m.MaxBound(i), m.Apply(i, 0.05, PulseDirection.Up, new Random(1)));
        });
    }

    [Fact]
    public void Cycle_to_cycle_step_noise_has_relative_std_dw_min_std()
    {
        var spec = TestCards.NoSpread(PulseResponseKind.ConstantStep, 0.001) with { DwMinStd = 0.3 };
        var m = PulseResponse.Create(spec, 1, new Random(1));
        var rng = new Random(2);
        var steps = Enumerable.Range(0, 20000).Select(_ => (m.Apply(0, 0, PulseDirection.Up, rng) - 0) / 0.001).ToList();
        var (mean, std) = TestCards.Stats(steps);
        Assert.InRange(mean, 0.99, 1.01);
        Assert.InRange(std, 0.29, 0.31);
    }

    [Fact]
    public void Read_noise_has_relative_std_of_the_card()
    {
        var array = TestCards.Array(TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), readNoise: 0.05), 1, 1);
        array.Fill(50e-6);
        var rng = new Random(3);
        var reads = Enumerable.Range(0, 20000).Select(_ => array.ReadConductance(0, 0, rng) / 50e-6).ToList();
        var (mean, std) = TestCards.Stats(reads);
        Assert.InRange(mean, 0.998, 1.002);
        Assert.InRange(std, 0.049, 0.051);
        Assert.Equal(50e-6, array.ReadConductance(0, 0, null));
    }

    [Fact]
    public void Programming_noise_has_std_as_a_fraction_of_the_conductance_range()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), programmingNoise: 0.02);
        var array = TestCards.Array(card, 100, 100);
        var rng = new Random(4);
        var targets = Enumerable.Repeat(51e-6, array.CellCount).ToArray();
        Assert.Equal(array.CellCount, DeviceProgramming.SetConductances(array, targets, rng));
        var errors = array.Conductances.ToArray().Select(g => (g - 51e-6) / card.RangeS).ToList();
        var (mean, std) = TestCards.Stats(errors);
        Assert.InRange(mean, -0.0006, 0.0006);
        Assert.InRange(std, 0.0196, 0.0204);
    }

    [Fact]
    public void Same_seeds_give_identical_arrays_and_different_seeds_do_not()
    {
        var card = TestCards.Card(new PulseResponseSpec { Model = PulseResponseKind.SoftBounds }, programmingNoise: 0.01,
            faults: new StuckFaultSpec(0.1, 0.5, 0.25, 0.25));
        double[] Build(int seed)
        {
            var a = TestCards.Array(card, 16, 16, seed);
            var targets = Enumerable.Range(0, a.CellCount).Select(i => TestCards.GminS + i * 0.3e-6).ToArray();
            DeviceProgramming.SetConductances(a, targets, new Random(seed));
            var updater = new StochasticPulseUpdater(16, 16);
            var x = Enumerable.Range(0, 16).Select(i => Math.Sin(i)).ToArray();
            var d = Enumerable.Range(0, 16).Select(i => Math.Cos(i)).ToArray();
            updater.Update(a, x, d, 0.05, new Random(seed));
            return a.Conductances.ToArray();
        }

        Assert.Equal(Build(1), Build(1));
        Assert.NotEqual(Build(1), Build(2));
    }

    [Fact]
    public void Write_noise_perturbs_reads_around_the_persistent_state_that_pulses_act_on()
    {
        // aihwkit write_noise_std: w_app = w + write_noise_std·dw_min·ξ, re-drawn when the cell is written.
        var spec = TestCards.NoSpread(PulseResponseKind.ConstantStep, 0.001) with { WriteNoiseStd = 20 };
        var card = TestCards.Card(spec);
        var a = TestCards.Array(card, 100, 100);
        a.Fill(a.ToConductance(0));
        Assert.Equal(a.ToConductance(0), a.GetConductance(3, 3));
        var rng = new Random(12);
        var offsets = new List<double>();
        for (int r = 0; r < 100; r++)
        {
            for (int c = 0; c < 100; c++)
            {
                a.ApplyPulses(r, c, PulseDirection.Up, 3, rng);
                Assert.Equal(0.003, a.GetDeviceWeight(r, c), 12);
                offsets.Add(a.ToDeviceWeight(a.GetConductance(r, c)) - a.GetDeviceWeight(r, c));
            }
        }

        var (mean, std) = TestCards.Stats(offsets);
        Assert.InRange(mean, -0.0006, 0.0006);
        Assert.InRange(std, 0.0196, 0.0204);
    }
}
