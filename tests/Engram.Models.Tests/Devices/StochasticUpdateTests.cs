using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>The GV16 stochastic update (Gokmen &amp; Vlasov 2016, as aihwkit implements it): unbiased coincidences and mean Δw = −lr·x·d.</summary>
public class StochasticUpdateTests
{
    private static readonly double[] X = [1.0, -0.5, 0.25, 0.0];
    private static readonly double[] D = [0.8, -1.0, 0.3];

    [Theory]
    [InlineData(PulseResponseKind.Ideal)]
    [InlineData(PulseResponseKind.ConstantStep)]
    public void Mean_coincidences_and_mean_update_match_lr_x_d(PulseResponseKind kind)
    {
        const double Lr = 0.01;
        const double G = 0.001;
        const int Trials = 6000;
        var card = TestCards.Card(TestCards.NoSpread(kind, G));
        var a = TestCards.Array(card, 4, 3);
        var midS = a.ToConductance(0);
        var updater = new StochasticPulseUpdater(4, 3);
        var rng = new Random(17);
        var counts = new double[12];
        var dw = new double[12];
        for (int t = 0; t < Trials; t++)
        {
            a.Fill(midS);
            var result = updater.Update(a, X, D, Lr, rng);
            Assert.Equal(10, result.BitLength);
            Assert.Equal(result.TotalPulses, updater.PulseCounts.ToArray().Sum());
            for (int i = 0; i < 12; i++)
            {
                counts[i] += updater.PulseCounts[i];
                dw[i] += a.GetDeviceWeight(i / 3, i % 3);
            }
        }

        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                int i = r * 3 + c;
                double expectedCount = Lr * Math.Abs(X[r] * D[c]) / G;
                // Counts are at most Poisson-like (variance ≤ mean): allow 4 standard errors.
                double tolerance = 4 * Math.Sqrt(expectedCount / Trials) + 1e-9;
                Assert.Equal(expectedCount, counts[i] / Trials, tolerance);
                Assert.Equal(-Lr * X[r] * D[c], dw[i] / Trials, G * tolerance);
            }
        }
    }

    [Fact]
    public void Bit_length_management_balances_the_two_maximum_probabilities()
    {
        var updater = new StochasticPulseUpdater(4, 3);
        var (bl, a, b) = updater.Plan(X, D, 0.01, 0.001);
        Assert.Equal(10, bl);
        Assert.Equal(1.0, a * 1.0, 12);
        Assert.Equal(1.0, b * 1.0, 12);
        Assert.Equal(0.01 / 0.001, bl * a * b, 12);

        var (bl2, a2, b2) = updater.Plan(X, D, 0.0031, 0.001);
        Assert.Equal(4, bl2);
        Assert.Equal(a2 * 1.0, b2 * 1.0, 12);
        Assert.Equal(3.1, bl2 * a2 * b2, 12);
    }

    [Fact]
    public void Large_updates_clip_at_the_desired_bit_length_on_the_gradient_side()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal, 0.001));
        var a = TestCards.Array(card, 4, 3);
        var updater = new StochasticPulseUpdater(4, 3);
        var (bl, scaleD, scaleX) = updater.Plan(X, D, 1.0, 0.001);
        Assert.Equal(31, bl);
        Assert.True(scaleD * 1.0 > 1.0);
        Assert.Equal(Math.Sqrt(31.0 / 31.0), scaleX * 1.0, 9);
        var result = updater.Update(a, X, D, 1.0, new Random(1));
        Assert.Equal(31, updater.PulseCounts[0]);
        Assert.All(updater.PulseCounts.ToArray(), n => Assert.InRange(n, 0, 31));
        Assert.True(result.TotalPulses > 0);
    }

    [Fact]
    public void The_sign_of_lr_x_and_d_sets_the_direction()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal, 0.001));
        var updater = new StochasticPulseUpdater(1, 1);
        foreach (var (x, d, lr, up) in new[] { (1.0, 1.0, 0.01, false), (-1.0, 1.0, 0.01, true), (1.0, -1.0, 0.01, true), (1.0, 1.0, -0.01, true), (-1.0, -1.0, 0.01, false) })
        {
            var a = TestCards.Array(card, 1, 1);
            a.Fill(a.ToConductance(0));
            var result = updater.Update(a, [x], [d], lr, new Random(2));
            Assert.Equal(10, result.TotalPulses);
            Assert.Equal(up ? 10 : 0, result.UpPulses);
            Assert.Equal(up ? 0.01 : -0.01, a.GetDeviceWeight(0, 0), 12);
        }
    }

    [Fact]
    public void Zero_inputs_or_zero_rate_send_no_pulses()
    {
        var a = TestCards.Array(TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal, 0.001)), 4, 3);
        var updater = new StochasticPulseUpdater(4, 3);
        Assert.Equal(0, updater.Update(a, new double[4], D, 0.1, new Random(1)).TotalPulses);
        Assert.Equal(0, updater.Update(a, X, D, 0.0, new Random(1)).TotalPulses);
        Assert.Equal(0, updater.PulseCounts.ToArray().Sum());
    }

    [Fact]
    public void Soft_bounds_drift_to_the_symmetry_point_under_zero_mean_updates()
    {
        // §1.1: alternating ± updates still move a soft-bounds device, towards w*.
        var spec = new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, DwMin = 0.01, WMax = 1, WMin = -1, UpDown = 0.2, DwMinStd = 0 };
        var a = TestCards.Array(TestCards.Card(spec), 1, 1);
        a.Fill(a.ToConductance(0.8));
        var updater = new StochasticPulseUpdater(1, 1);
        var rng = new Random(3);
        for (int k = 0; k < 4000; k++)
        {
            updater.Update(a, [1.0], [k % 2 == 0 ? 1.0 : -1.0], 0.01, rng);
        }

        Assert.Equal(a.Response.SymmetryPoint(0)!.Value, a.GetDeviceWeight(0, 0), 0.02);
    }

    [Fact]
    public void Probability_resolution_rounds_the_pulse_probabilities()
    {
        // x = 0.4 fires with probability 0.4 unquantised, 0.5 at res = 0.5; d = 1 always fires; BL = 10.
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal, 0.001));
        double[] x = [1.0, 0.4];
        double[] d = [1.0];
        foreach (var (res, expected) in new[] { (0.0, 4.0), (0.5, 5.0), (2.0, 5.0) })
        {
            var updater = new StochasticPulseUpdater(2, 1, new UpdateParameters { Res = res });
            var a = TestCards.Array(card, 2, 1);
            var rng = new Random(4);
            double total = 0;
            const int Trials = 4000;
            for (int t = 0; t < Trials; t++)
            {
                updater.Update(a, x, d, 0.01, rng);
                total += updater.PulseCounts[1];
            }

            Assert.Equal(expected, total / Trials, 4 * Math.Sqrt(expected / Trials));
        }
    }
}
