using Engram.Components.Arch;
using Engram.Components.Blocks.Adc;
using Engram.Models.Devices;
using Engram.Workloads.Capacity;
using Engram.Workloads.Tests.Recall;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>The capacity protocol with every recall on a chip.</summary>
public class ChipCapacityTests
{
    // The ideal card (no noise, no spread, no faults) and a 16-bit converter over a narrowed range.
    private static ChipSpec IdealChip(int n) => SpecFixtures.Chip(n, n) with
    {
        Device = new DeviceSpec("ideal.yaml", DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "ideal.yaml")), Components.Blocks.Crossbar.WeightMappings.Differential),
        Periphery = new PeripherySpec(1, new AdcSpec(new SarAdcType(), 16, 1) { FullScaleFraction = 0.25 }, 1_000, Components.Blocks.Neurons.Neurons.Sign, 1, true),
    };

    private static CapacitySettings Settings(int n) => new()
    {
        Neurons = n,
        Grid = [2, 4, 6, 8],
        Trials = 4,
        Threads = 2,
        Seed = 3,
    };

    [Fact]
    public void On_an_ideal_chip_the_curve_is_the_software_curve()
    {
        const int n = 24;
        var learner = LearnerCatalog.Create("pinv", null);
        var software = CapacityExperiment.Run(learner, Settings(n));
        var onChip = ChipCapacityExperiment.Run(learner, Settings(n), IdealChip(n));
        var a = software.Runs[0].Curve.Points;
        var b = onChip.Report.Runs[0].Curve.Points;
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Patterns, b[i].Patterns);
            Assert.Equal(a[i].Similarity, b[i].Similarity, 9);
            Assert.Equal(a[i].Exact, b[i].Exact, 9);
        }

        Assert.All(onChip.Costs, c => Assert.True(c.EnergyPerRecallJ > 0 && c.LatencyPerRecallPs > 0));
    }

    [Fact]
    public void The_chip_curve_does_not_depend_on_threads()
    {
        const int n = 16;
        var learner = LearnerCatalog.Create("hebb", null);
        var one = ChipCapacityExperiment.Run(learner, Settings(n) with { Threads = 1 }, SpecFixtures.Chip(n, n));
        var two = ChipCapacityExperiment.Run(learner, Settings(n) with { Threads = 2 }, SpecFixtures.Chip(n, n));
        Assert.Equal(CapacityCsv.Curve(one.Report), CapacityCsv.Curve(two.Report));
        Assert.Equal(CapacityCsv.ChipCosts(one), CapacityCsv.ChipCosts(two));
    }
}
