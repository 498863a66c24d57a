using Engram.Components.Arch;
using Engram.Components.Blocks.Adc;
using Engram.Models.Devices;
using Engram.Workloads.Capacity;
using Engram.Workloads.Tests.Recall;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>The scaling protocol with every recall on a chip.</summary>
public class ChipScalingTests
{
    // The ideal card and a 16-bit converter over a narrowed range (as in ChipCapacityTests): the chip recalls as software does.
    private static ChipSpec IdealChip(int n) => SpecFixtures.Chip(n, n) with
    {
        Device = new DeviceSpec("ideal.yaml", DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "ideal.yaml")), Components.Blocks.Crossbar.WeightMappings.Differential),
        Periphery = new PeripherySpec(1, new AdcSpec(new SarAdcType(), 16, 1) { FullScaleFraction = 0.25 }, 1_000, Components.Blocks.Neurons.Neurons.Sign, 1, true),
    };

    private static CapacitySettings Settings(int n) => new() { Neurons = n, Grid = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], Trials = 3, Threads = 2, Seed = 4 };

    [Fact]
    public void On_ideal_chips_the_scaling_is_the_software_scaling()
    {
        int[] sizes = [12, 20];
        var software = ScalingExperiment.Run("pinv", sizes, _ => LearnerCatalog.Create("pinv"), Settings, 0.95);
        var onChips = ChipScalingExperiment.Run("pinv", [.. sizes.Select(IdealChip)], _ => LearnerCatalog.Create("pinv"), Settings, 0.95);
        Assert.Equal(software.Points.Select(p => (p.Neurons, p.Capacity)), onChips.Scaling.Points.Select(p => (p.Neurons, p.Capacity)));
        Assert.Equal(software.Fit?.Exponent, onChips.Scaling.Fit?.Exponent);
        Assert.Equal(2, onChips.Chips.Count);
        Assert.All(onChips.Chips, c => Assert.All(c.Costs, cost => Assert.True(cost.EnergyPerRecallJ > 0)));
        Assert.All(software.Points, p => Assert.InRange(p.Capacity, 1, 9));
    }

    [Fact]
    public void No_chips_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChipScalingExperiment.Run("pinv", [], _ => LearnerCatalog.Create("pinv"), Settings, 0.95));
    }
}
