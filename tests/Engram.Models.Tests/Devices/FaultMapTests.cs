using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

public class FaultMapTests
{
    private static DeviceCard Card(StuckFaultSpec faults, double programmingNoise = 0) =>
        TestCards.Card(new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, DwMin = 0.01, WMax = 1, WMin = -1 },
            programmingNoise: programmingNoise, faults: faults);

    private static HashSet<int> StuckCells(DeviceArray a) => [.. Enumerable.Range(0, a.CellCount).Where(i => a.IsStuck(i))];

    [Fact]
    public void Fault_maps_are_nested_across_rates_and_hit_the_rate()
    {
        var card = Card(new StuckFaultSpec(0.1));
        double[] rates = [0.01, 0.05, 0.1, 0.3, 0.6];
        var maps = rates.Select(p => StuckCells(TestCards.Array(card, 64, 64, seed: 3, faultRate: p))).ToList();
        for (int k = 0; k < rates.Length; k++)
        {
            double measured = maps[k].Count / 4096.0;
            double tolerance = 4 * Math.Sqrt(rates[k] * (1 - rates[k]) / 4096);
            Assert.InRange(measured, rates[k] - tolerance, rates[k] + tolerance);
            if (k > 0)
            {
                Assert.True(maps[k - 1].IsSubsetOf(maps[k]));
                Assert.True(maps[k].Count > maps[k - 1].Count);
            }
        }
    }

    [Fact]
    public void Changing_the_rate_in_place_reuses_the_draws()
    {
        var a = TestCards.Array(Card(new StuckFaultSpec(0.3)), 32, 32, seed: 4);
        var at30 = StuckCells(a);
        a.SetFaultRate(0.1);
        var at10 = StuckCells(a);
        Assert.True(at10.IsSubsetOf(at30));
        Assert.Equal(StuckCells(TestCards.Array(Card(new StuckFaultSpec(0.1)), 32, 32, seed: 4)), at10);
        a.SetFaultRate(0);
        Assert.Equal(0, a.StuckCount);
    }

    [Fact]
    public void Stuck_kinds_follow_the_split_and_sit_at_their_values()
    {
        var card = Card(new StuckFaultSpec(0.5, 0.5, 0.3, 0.2));
        var a = TestCards.Array(card, 100, 100, seed: 5);
        int gmin = 0, gmax = 0, random = 0;
        for (int r = 0; r < 100; r++)
        {
            for (int c = 0; c < 100; c++)
            {
                double g = a.GetConductance(r, c);
                switch (a.GetStuckKind(r, c))
                {
                    case StuckKind.AtGmin: gmin++; Assert.Equal(card.GminS, g); break;
                    case StuckKind.AtGmax: gmax++; Assert.Equal(card.GmaxS, g); break;
                    case StuckKind.AtRandom: random++; Assert.InRange(g, card.GminS, card.GmaxS); break;
                }
            }
        }

        double stuck = gmin + gmax + random;
        Assert.InRange(stuck / 10000, 0.48, 0.52);
        Assert.InRange(gmin / stuck, 0.47, 0.53);
        Assert.InRange(gmax / stuck, 0.27, 0.33);
        Assert.InRange(random / stuck, 0.17, 0.23);
    }

    [Fact]
    public void Stuck_cells_never_move_under_programming_pulses_write_verify_updates_or_drift()
    {
        var card = Card(new StuckFaultSpec(0.2, 0.4, 0.3, 0.3), programmingNoise: 0.01) with { Drift = new DriftSpec(0.05, 0.01, 1.0) };
        var a = TestCards.Array(card, 24, 24, seed: 6);
        var stuck = StuckCells(a);
        Assert.NotEmpty(stuck);
        var before = stuck.ToDictionary(i => i, i => a.Conductances[i]);
        var rng = new Random(7);

        DeviceProgramming.SetConductances(a, Enumerable.Repeat(70e-6, a.CellCount).ToArray(), rng);
        for (int r = 0; r < 24; r++)
        {
            for (int c = 0; c < 24; c++)
            {
                bool isStuck = a.IsStuck(r, c);
                Assert.Equal(!isStuck, a.ApplyPulses(r, c, PulseDirection.Up, 5, rng));
                Assert.Equal(!isStuck, DeviceProgramming.SetConductance(a, r, c, 30e-6, rng));
                var result = DeviceProgramming.WriteVerify(a, r, c, 60e-6, rng);
                if (isStuck)
                {
                    Assert.Equal(0, result.Pulses);
                    Assert.Equal(Math.Abs(a.GetConductance(r, c) - 60e-6) <= 0.01 * card.RangeS, result.Converged);
                }
            }
        }

        var updater = new StochasticPulseUpdater(24, 24);
        var x = Enumerable.Range(0, 24).Select(i => 1.0 - i / 12.0).ToArray();
        for (int k = 0; k < 20; k++)
        {
            updater.Update(a, x, x, 0.5, rng);
        }

        a.ApplyDrift(1000);
        Assert.All(stuck, i => Assert.Equal(before[i], a.Conductances[i]));
        Assert.Contains(Enumerable.Range(0, a.CellCount), i => !stuck.Contains(i) && a.Conductances[i] != card.GminS);
    }
}
