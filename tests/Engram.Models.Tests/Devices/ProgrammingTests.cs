using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

public class ProgrammingTests
{
    [Fact]
    public void Write_verify_converges_within_tolerance_and_counts_its_pulses()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), readNoise: 0.002, programmingNoise: 0.05,
            verify: new WriteVerifySpec(200, 0.02));
        var a = TestCards.Array(card, 20, 20);
        var rng = new Random(1);
        var pulses = new List<double>();
        for (int r = 0; r < 20; r++)
        {
            for (int c = 0; c < 20; c++)
            {
                double target = TestCards.GminS + (r * 20 + c) * 0.2e-6;
                var result = DeviceProgramming.WriteVerify(a, r, c, target, rng);
                Assert.True(result.Converged);
                Assert.Equal(a.GetConductance(r, c), result.FinalConductanceS);
                Assert.Equal(result.Pulses + 1, result.VerifyReads);
                Assert.InRange(Math.Abs(result.FinalConductanceS - target), 0, 0.02 * card.RangeS + 4 * 0.002 * card.GmaxS);
                pulses.Add(result.Pulses);
            }
        }

        // One noisy pulse lands within ±0.02 of range with probability P(|N(0, 0.05)| ≤ 0.02) ≈ 0.31, so ≈ 3.2 pulses.
        Assert.InRange(pulses.Average(), 2.6, 3.9);
        Assert.Contains(pulses, p => p > 1);
    }

    [Fact]
    public void Write_verify_gives_up_after_max_pulses()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), programmingNoise: 0.3,
            verify: new WriteVerifySpec(3, 0.0001));
        var a = TestCards.Array(card, 1, 1);
        var result = DeviceProgramming.WriteVerify(a, 0, 0, 50e-6, new Random(2));
        Assert.False(result.Converged);
        Assert.Equal(3, result.Pulses);
        Assert.Equal(4, result.VerifyReads);
    }

    [Fact]
    public void Incremental_write_verify_walks_with_pulse_response_steps()
    {
        // Steps of 0.01 in ±1 device units are 0.5 % of the range; the tolerance is 1 %.
        var spec = TestCards.NoSpread(PulseResponseKind.ConstantStep, 0.01) with { DwMinStd = 0.1 };
        var card = TestCards.Card(spec, verify: new WriteVerifySpec(1000, 0.01));
        var a = TestCards.Array(card, 1, 1);
        var result = DeviceProgramming.WriteVerify(a, 0, 0, 51e-6, new Random(3), WriteVerifyMode.IncrementalPulses);
        Assert.True(result.Converged);
        Assert.InRange(result.Pulses, 90, 110);
        Assert.InRange(a.GetConductance(0, 0), 50e-6, 52e-6);

        var back = DeviceProgramming.WriteVerify(a, 0, 0, 21e-6, new Random(4), WriteVerifyMode.IncrementalPulses);
        Assert.True(back.Converged);
        Assert.InRange(back.Pulses, 50, 70);
    }

    [Fact]
    public void Set_quantizes_to_the_card_levels()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), levels: 11);
        var a = TestCards.Array(card, 1, 3);
        DeviceProgramming.SetConductance(a, 0, 0, 34e-6, new Random(1));
        DeviceProgramming.SetConductance(a, 0, 1, 36.5e-6, new Random(1));
        DeviceProgramming.SetConductance(a, 0, 2, 500e-6, new Random(1));
        Assert.Equal(31e-6, a.GetConductance(0, 0), 1e-15);
        Assert.Equal(41e-6, a.GetConductance(0, 1), 1e-15);
        Assert.Equal(101e-6, a.GetConductance(0, 2), 1e-15);
    }

    [Fact]
    public void Drift_follows_the_power_law_from_the_last_write_and_restarts_on_writes()
    {
        var card = TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal)) with { Drift = new DriftSpec(0.05, 0, 1.0) };
        var a = TestCards.Array(card, 1, 2);
        var rng = new Random(1);
        DeviceProgramming.SetConductance(a, 0, 0, 80e-6, rng);
        DeviceProgramming.SetConductance(a, 0, 1, 80e-6, rng);
        a.ApplyDrift(99);
        Assert.Equal(80e-6 * Math.Pow(100, -0.05), a.GetConductance(0, 0), 1e-15);
        DeviceProgramming.SetConductance(a, 0, 1, 80e-6, rng);
        a.ApplyDrift(900);
        Assert.Equal(80e-6 * Math.Pow(1000, -0.05), a.GetConductance(0, 0), 1e-15);
        Assert.Equal(80e-6 * Math.Pow(901, -0.05), a.GetConductance(0, 1), 1e-15);
        Assert.Equal(0.05, a.DriftNu(0, 0));
    }
}
