using Engram.Components.Ledger;

namespace Engram.Components.Tests.Ledger;

public class EnergyLedgerTests
{
    [Fact]
    public void Totals_equal_the_sum_of_their_parts_over_many_random_charges()
    {
        var ledger = new EnergyLedger();
        var random = new Random(7);
        string[] components = ["chip/tile0/xbar0", "chip/tile0/adc0", "chip/tile1/xbar0", "chip/controller"];
        string[] actions = ["read", "convert", "drive_row", "issue"];
        double naive = 0;
        var naiveByKind = new Dictionary<string, double>();
        for (int i = 0; i < 200_000; i++)
        {
            double e = random.NextDouble() * Math.Pow(10, -random.Next(9, 16));
            string component = components[random.Next(4)];
            naive += e;
            string kind = component[(component.LastIndexOf('/') + 1)..];
            naiveByKind[kind] = naiveByKind.GetValueOrDefault(kind) + e;
            ledger.Charge(ledger.Component(component), ledger.Action(actions[random.Next(4)]), 1, e, i, 10);
        }

        double fold = ledger.Breakdown().Sum(r => r.EnergyJ);
        Assert.Equal(1, ledger.TotalEnergyJ / fold, 12);
        var byKind = ledger.ByKind();
        Assert.Equal(["adc0", "controller", "xbar0"], byKind.Keys.ToArray());
        foreach (var (kind, energy) in naiveByKind)
        {
            Assert.Equal(1, byKind[kind] / energy, 9);
        }

        Assert.Equal(1, naive / fold, 9);
        Assert.Equal(200_000, ledger.Breakdown().Sum(r => r.Count));
        Assert.Equal(2_000_000, ledger.Breakdown().Sum(r => r.BusyPs));
    }

    [Fact]
    public void Leakage_is_integrated_over_the_simulated_time_on_close()
    {
        var ledger = new EnergyLedger();
        int adc = ledger.Component("chip/adc");
        ledger.AddStaticPower(adc, 5.9e-9);
        ledger.Charge(adc, ledger.Action("convert"), 3, 3e-15, 0, 3_000);
        ledger.Close(1_000_000);
        var leak = ledger.Breakdown().Single(r => r.Action == EnergyLedger.LeakageAction);
        Assert.Equal(1, leak.EnergyJ / (5.9e-9 * 1e-6), 12);
        Assert.Equal(1_000_000, leak.BusyPs);
        Assert.Throws<InvalidOperationException>(() => ledger.Charge(adc, 0, 1, 1e-15, 0, 1));
    }

    [Fact]
    public void Breakdown_is_ordered_and_keeps_entries_only_when_asked()
    {
        var plain = new EnergyLedger();
        var traced = new EnergyLedger(keepEntries: true);
        foreach (var ledger in new[] { plain, traced })
        {
            ledger.Charge(ledger.Component("b"), ledger.Action("y"), 1, 1e-15, 5, 1);
            ledger.Charge(ledger.Component("a"), ledger.Action("z"), 2, 2e-15, 6, 1);
            ledger.Charge(ledger.Component("a"), ledger.Action("x"), 1, 1e-15, 7, 1);
        }

        Assert.Equal(["a.x", "a.z", "b.y"], plain.Breakdown().Select(r => $"{r.ComponentPath}.{r.Action}").ToArray());
        Assert.Equal(0, plain.Entries.Length);
        Assert.Equal(3, traced.Entries.Length);
        Assert.Equal(6, traced.Entries[1].StartTick);
    }

    [Theory]
    [InlineData(-1, 1e-15, 1)]
    [InlineData(1, -1e-15, 1)]
    [InlineData(1, double.NaN, 1)]
    [InlineData(1, 1e-15, -1)]
    public void Bad_charges_are_rejected(long count, double energyJ, long duration)
    {
        var ledger = new EnergyLedger();
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Charge(ledger.Component("c"), ledger.Action("a"), count, energyJ, 0, duration));
    }

    [Fact]
    public void Charging_allocates_nothing_in_steady_state()
    {
        var ledger = new EnergyLedger();
        int c = ledger.Component("chip/xbar");
        int a = ledger.Action("read");
        ledger.Charge(c, a, 1, 1e-15, 0, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            ledger.Charge(c, a, 1, 1e-15, i, 1);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_run_of_charges_equals_one_charge_each_to_the_bit(bool keepEntries)
    {
        var each = new EnergyLedger(keepEntries);
        var run = new EnergyLedger(keepEntries);
        var random = new Random(11);
        foreach (var ledger in new[] { each, run })
        {
            ledger.Component("L0/b0.0/adc");
            ledger.Component("L0/b0.1/adc");
            ledger.Action("convert");
        }

        for (int round = 0; round < 50; round++)
        {
            for (int component = 0; component < 2; component++)
            {
                var energies = Enumerable.Range(0, random.Next(0, 9)).Select(_ => random.NextDouble() * Math.Pow(10, -random.Next(11, 15))).ToArray();
                foreach (double e in energies)
                {
                    each.Charge(component, 0, 1, e, round * 1000L, 6000);
                }

                run.ChargeEach(component, 0, energies, round * 1000L, 6000);
            }
        }

        Assert.Equal(each.TotalEnergyJ, run.TotalEnergyJ);
        Assert.Equal(each.Breakdown(), run.Breakdown());
        Assert.Equal(each.Entries.ToArray(), run.Entries.ToArray());
        double total = run.TotalEnergyJ;
        Assert.Throws<ArgumentOutOfRangeException>(() => run.ChargeEach(0, 0, [1e-12, -1e-12], 0, 6000));
        Assert.Equal(total, run.TotalEnergyJ);
    }

    [Fact]
    public void A_run_of_charges_fails_as_its_first_bad_charge_would_and_adds_nothing()
    {
        var ledger = new EnergyLedger();
        int adc = ledger.Component("L0/b0.0/adc");
        int convert = ledger.Action("convert");
        ledger.ChargeEach(adc, convert, [1e-12, 2e-12], 0, 6000);
        double total = ledger.TotalEnergyJ;

        var times = Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ChargeEach(adc, convert, [3e-12, 4e-12], -1, 6000));
        Assert.Contains("L0/b0.0/adc.convert", times.Message, StringComparison.Ordinal);
        Assert.Contains($"energy {3e-12} J, start -1", times.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ChargeEach(adc, convert, [3e-12, double.PositiveInfinity], 0, 6000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ChargeEach(adc, convert, [3e-12, double.NaN], 0, 6000));
        Assert.Equal(total, ledger.TotalEnergyJ);
        Assert.Equal(2, ledger.Breakdown().Single().Count);

        // Through a kept slot the run is checked as it is added, and still adds nothing when one charge is bad.
        LedgerSlot slot = default;
        ledger.ChargeEach(ref slot, adc, convert, [1e-12], 0, 6000);
        total = ledger.TotalEnergyJ;
        var kept = Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ChargeEach(ref slot, adc, convert, [3e-12, -4e-12, double.NaN], 0, 6000));
        Assert.Contains($"energy {-4e-12} J", kept.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ChargeEach(ref slot, adc, convert, [double.PositiveInfinity], 0, 6000));
        Assert.Equal(total, ledger.TotalEnergyJ);
        Assert.Equal(3, ledger.Breakdown().Single().Count);
        Assert.Equal(4e-12, ledger.Breakdown().Single().EnergyJ, 1e-24);

        ledger.Close(10_000);
        Assert.Throws<InvalidOperationException>(() => ledger.ChargeEach(adc, convert, [1e-12], 10_000, 6000));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Charges_through_kept_slots_equal_plain_charges_to_the_bit(bool keepEntries)
    {
        var plain = new EnergyLedger(keepEntries);
        var kept = new EnergyLedger(keepEntries);
        // More pairs than the ledger first has room for, so that slots are taken while it grows.
        const int Components = 150;
        foreach (var ledger in new[] { plain, kept })
        {
            for (int c = 0; c < Components; c++)
            {
                ledger.Component($"L0/b{c}.0/adc");
            }

            ledger.Action("drive_row");
            ledger.Action("convert");
        }

        var slots = new LedgerSlot[Components];
        var random = new Random(12);
        for (int round = 0; round < 600; round++)
        {
            // Every pair's first charge a single one, then either kind at random.
            int component = round < Components ? round : random.Next(Components);
            if (round < Components || random.Next(2) == 0)
            {
                double e = random.NextDouble() * 1e-13;
                plain.Charge(component, component % 2, 3, e, round * 100L, 50);
                kept.Charge(ref slots[component], component, component % 2, 3, e, round * 100L, 50);
            }
            else
            {
                var energies = Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.NextDouble() * 1e-14).ToArray();
                plain.ChargeEach(component, component % 2, energies, round * 100L, 70);
                kept.ChargeEach(ref slots[component], component, component % 2, energies, round * 100L, 70);
            }

            // A pair shows in the breakdown from its first charge on, as it does without kept slots.
            Assert.Equal(plain.Breakdown(), kept.Breakdown());
        }

        Assert.Equal(plain.TotalEnergyJ, kept.TotalEnergyJ);
        Assert.Equal(plain.Entries.ToArray(), kept.Entries.ToArray());
    }

    [Fact]
    public void A_kept_slot_charges_only_its_own_pair()
    {
        var ledger = new EnergyLedger();
        int a = ledger.Component("a"), b = ledger.Component("b"), act = ledger.Action("read");
        LedgerSlot slot = default;
        Assert.True(slot.IsNone);
        ledger.Charge(ref slot, a, act, 1, 1e-12, 0, 1);
        Assert.False(slot.IsNone);
        Assert.Throws<ArgumentException>(() => ledger.Charge(ref slot, b, act, 1, 1e-12, 0, 1));
        Assert.Equal(1e-12, ledger.TotalEnergyJ);
    }
}

public class EnergyLedgerCapTests
{
    [Fact]
    public void Entries_beyond_the_cap_are_counted_not_kept_and_still_add_up()
    {
        var ledger = new EnergyLedger(keepEntries: true, maxEntries: 5);
        int c = ledger.Component("x");
        int a = ledger.Action("y");
        for (int i = 0; i < 8; i++)
        {
            ledger.Charge(c, a, 1, 1e-15, i, 1);
        }

        Assert.Equal(5, ledger.Entries.Length);
        Assert.Equal(3, ledger.DroppedEntries);
        Assert.Equal(8e-15, ledger.TotalEnergyJ, 1e-28);
    }
}
