using Engram.Components.Blocks.Neurons;
using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Workloads.Recall;

namespace Engram.Workloads.Tests.Recall;

public class ScheduleComparisonTests
{
    private static readonly RecallSettings Settings = new(WeightRuleKind.Hebb, 3, 0.05, 11);

    [Fact]
    public void Async_costs_more_energy_and_time_per_recall_and_the_gap_grows_with_n()
    {
        var small = ScheduleComparison.Run(SpecFixtures.Chip(64, 64), Settings);
        var large = ScheduleComparison.Run(SpecFixtures.Chip(256, 64), Settings);
        Assert.True(small.EnergyRatio > 1, $"N=64 energy ratio {small.EnergyRatio}");
        Assert.InRange(small.LatencyReduction, 0.5, 1);
        Assert.True(large.EnergyRatio > small.EnergyRatio, $"energy ratio {small.EnergyRatio} at 64, {large.EnergyRatio} at 256");
        Assert.True(large.LatencyReduction > small.LatencyReduction);
        Assert.Equal(1.0, small.Sync.ExactFraction);
        Assert.Equal(1.0, small.Async.ExactFraction);
    }

    [Fact]
    public void Per_kind_energies_add_up_to_the_per_recall_energy()
    {
        var c = ScheduleComparison.Run(SpecFixtures.Chip(64, 64), Settings);
        foreach (var figures in new[] { c.Sync, c.Async })
        {
            Assert.Equal(1, figures.EnergyByKindJ.Values.Sum() / figures.EnergyJ, 9);
            Assert.True(figures.EnergyByKindJ["adc"] > 0 && figures.EnergyByKindJ["row_driver"] > 0);
        }
    }

    [Fact]
    public void The_multilayer_chip_recalls_through_two_crossbars()
    {
        var spec = SpecFixtures.Chip(64, 64, NetworkKind.Multilayer, hidden: 32, dacBits: 4, neuron: Neurons.Sign);
        spec = spec with { Periphery = spec.Periphery with { Adc = spec.Periphery.Adc with { FullScaleFractionByLayer = [1.0, 1.0 / 16] } } };
        // The untrained bipartite stand-in with the inverse-correlation decoder keeps stored patterns as fixed
        // points of the two-crossbar loop (training, not this, is what gives the multilayer net its capacity).
        var (chip, outcome) = RecallExperiment.Run(spec, Settings with { Rule = WeightRuleKind.Pinv, CueFlip = 0 }, Schedule.Sync);
        Assert.Equal(2, chip.Layers.Count);
        Assert.Equal(1.0, outcome.ExactFraction);
        Assert.All(outcome.Recalls, r => Assert.Equal(1, r.Iterations));
        var adcs = chip.Ledger.Breakdown().Where(r => r.Action == "convert").ToList();
        Assert.Contains(adcs, r => r.ComponentPath.StartsWith("L0/", StringComparison.Ordinal) && r.Count == 3 * 3 * 32);
        Assert.Contains(adcs, r => r.ComponentPath.StartsWith("L1/", StringComparison.Ordinal) && r.Count == 3 * 3 * 64);
    }

    [Fact]
    public void Per_iteration_figures_divide_each_schedule_by_its_own_iterations()
    {
        // Cues far from the patterns so that the two schedules need different numbers of iterations.
        var c = ScheduleComparison.Run(SpecFixtures.Chip(64, 64), Settings with { Patterns = 12, CueFlip = 0.2 });
        foreach (var f in new[] { c.Sync, c.Async })
        {
            Assert.Equal(f.EnergyJ / f.Iterations, f.EnergyPerIterationJ, 15);
            Assert.Equal(f.LatencyPs / f.Iterations, f.LatencyPerIterationPs, 9);
            Assert.Equal(64 * f.Iterations, f.Updates, 9);
        }

        double iterationRatio = c.Async.Iterations / c.Sync.Iterations;
        Assert.NotEqual(1, iterationRatio);
        Assert.Equal(c.EnergyRatio, c.EnergyRatioPerIteration * iterationRatio, 9);
        Assert.Equal(c.Async.LatencyPs / c.Sync.LatencyPs, iterationRatio / (1 - c.LatencyReductionPerIteration), 9);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(8, false)]
    [InlineData(1, true)]
    [InlineData(64, true)]
    public void A_sweep_of_n_updates_takes_at_most_n_times_one_synchronous_iteration(int columnsPerAdc, bool offChip)
    {
        // Each asynchronous update repeats every step of a synchronous iteration but converts one column instead of
        // N, so per iteration T_async / T_sync <= N: the reduction is at most 1 - 1/N, equal with an ADC per column.
        var spec = SpecFixtures.Chip(64, 64);
        spec = spec with { Periphery = spec.Periphery with { Adc = spec.Periphery.Adc with { ColumnsPerAdc = columnsPerAdc } } };
        if (offChip)
        {
            spec = spec with { Controller = spec.Controller with { Placement = ControllerPlacement.OffChip, HostRoundTripPs = 1_000_000 } };
        }

        var c = ScheduleComparison.Run(spec, Settings);
        Assert.InRange(c.LatencyReductionPerIteration, 0, 1 - (1.0 / 64) + 1e-12);
        if (columnsPerAdc == 1)
        {
            Assert.Equal(1 - (1.0 / 64), c.LatencyReductionPerIteration, 12);
        }
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("async")]
    public void An_off_chip_controller_pays_one_host_round_trip_per_issued_step(string schedule)
    {
        // The same recall with the controller off chip: every issued step adds the round trip's time and energy, and the
        // ledger has one round trip per issue (an on-chip step is the issue alone).
        var onChip = SpecFixtures.Chip(64, 64);
        const long roundTripPs = 1_000_000;
        const double roundTripJ = 2e-12;
        var offChip = onChip with { Controller = onChip.Controller with { Placement = ControllerPlacement.OffChip, HostRoundTripPs = roundTripPs, HostRoundTripEnergyJ = roundTripJ } };
        var (on, onOutcome) = RecallExperiment.Run(onChip, Settings, schedule);
        var (off, offOutcome) = RecallExperiment.Run(offChip, Settings, schedule);

        long issues = Row(off, "issue").Count;
        Assert.True(issues > 0);
        Assert.Equal(Row(on, "issue").Count, issues);
        Assert.DoesNotContain(on.Ledger.Breakdown(), r => r.Action == "round_trip");
        Assert.Equal(issues, Row(off, "round_trip").Count);
        Assert.Equal(1, Row(off, "round_trip").EnergyJ / (issues * roundTripJ), 12);
        long extraPs = offOutcome.Recalls.Sum(r => r.LatencyPs) - onOutcome.Recalls.Sum(r => r.LatencyPs);
        Assert.Equal(issues * roundTripPs, extraPs);
    }

    private static LedgerRow Row(Chip chip, string action) => chip.Ledger.Breakdown().Single(r => r.Action == action);
}
