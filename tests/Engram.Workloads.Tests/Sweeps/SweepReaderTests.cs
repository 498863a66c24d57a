using Engram.Components.Arch;
using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

public class SweepReaderTests
{
    public static TheoryData<string> Broken => BrokenSweep.Names();

    [Fact]
    public void There_are_at_least_eight_broken_sweep_files() => Assert.True(BrokenSweep.Names().Count >= 8);

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_sweep_file_is_rejected_with_file_line_and_key(string name)
    {
        var broken = BrokenSweep.Named(name);
        var ex = Assert.Throws<ArchException>(() => SweepReader.Load(broken.Path));
        Assert.Equal(broken.Path, ex.File);
        Assert.Equal(broken.Line, ex.Line);
        Assert.Equal(broken.KeyPath, ex.KeyPath);
        Assert.Contains(broken.Detail, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{broken.Path}:{broken.Line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_points_vary_the_first_axis_slowest_and_have_stable_distinct_ids()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        Assert.Equal(6, sweep.Points.Count);
        Assert.Equal(["4", "1"], sweep.Points[0].Values.Select(v => v.Text));
        Assert.Equal(["4", "4"], sweep.Points[1].Values.Select(v => v.Text));
        Assert.Equal(["6", "1"], sweep.Points[3].Values.Select(v => v.Text));
        Assert.Equal(sweep.Points.Count, sweep.Points.Select(p => p.Id).Distinct().Count());
        Assert.Equal(6, sweep.Points[3].Chip.Periphery.AdcBits);

        var again = SweepFixtures.Small(dir);
        Assert.Equal(sweep.Points.Select(p => p.Id), again.Points.Select(p => p.Id));
        Assert.Equal(sweep.Hash, again.Hash);
    }

    [Fact]
    public void A_changed_workload_option_changes_every_point_id()
    {
        using var dir = new TempDir();
        var a = SweepFixtures.Small(dir);
        var b = SweepReader.Load(SweepFixtures.Write(dir, SweepFixtures.SmallYaml().Replace("seed: 3", "seed: 4", StringComparison.Ordinal), "b.yaml"));
        Assert.Empty(a.Points.Select(p => p.Id).Intersect(b.Points.Select(p => p.Id)));
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Zip_pairs_the_ith_values_and_neurons_grow_the_tiles()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: zipped
            chip: {{SweepFixtures.Chip}}
            combine: zip
            axes:
              periphery.adc.bits: [4, 8]
              network.neurons: [64, 256]
            workload: { kind: compare }
            metrics: [area_um2]
            """;
        var sweep = SweepReader.Load(SweepFixtures.Write(dir, yaml));
        Assert.Equal(2, sweep.Points.Count);
        Assert.Equal(8, sweep.Points[1].Chip.Periphery.AdcBits);
        Assert.Equal(256, sweep.Points[1].Chip.Network.Neurons);
        Assert.True(sweep.Points[1].Chip.Tiles.Count > sweep.Points[0].Chip.Tiles.Count, "N = 256 needs more tiles than hnn64 has");
    }

    [Fact]
    public void The_shipped_sweeps_load()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "arch", "sweeps"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            Assert.NotEmpty(SweepReader.Load(file).Points);
        }

        var adc = SweepReader.Load(Path.Combine(RepoPaths.Root, "arch", "sweeps", "adc-sharing.yaml"));
        Assert.Equal(4 * 4 * 3, adc.Points.Count);
        Assert.Equal(["periphery.adc.bits", "periphery.adc.columns_per_adc", "network.neurons"], adc.Axes.Select(a => a.KeyPath));
    }

    [Fact]
    public void A_device_card_key_is_an_axis_below_devices_card()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: card
            chip: {{SweepFixtures.Chip}}
            axes:
              devices.card.conductance.gmax_s: [400.0e-6, 800.0e-6]
              devices.card.faults.rate: [0, 0.01]
            workload: { kind: compare }
            metrics: [sync_energy_j]
            """;
        var sweep = SweepReader.Load(SweepFixtures.Write(dir, yaml));
        Assert.Equal(4, sweep.Points.Count);
        Assert.Equal(400e-6, sweep.Points[0].Chip.Device.Card.GmaxS);
        Assert.Equal(800e-6, sweep.Points[3].Chip.Device.Card.GmaxS);
        Assert.Equal(0.01, sweep.Points[3].Chip.Device.Card.Faults.RateFraction);
        Assert.Equal(4, sweep.Points.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void A_mapping_value_sets_its_keys_together_below_the_axis()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: mapped
            chip: {{SweepFixtures.Chip}}
            axes:
              controller: [{placement: on_chip}, {placement: off_chip, host_round_trip_ps: 1000000}]
              devices.card.conductance: [{gmin_s: 1.0e-6, gmax_s: 100.0e-6}, {gmin_s: 50.0e-6, gmax_s: 800.0e-6}]
            workload: { kind: compare }
            metrics: [sync_latency_ps]
            """;
        var sweep = SweepReader.Load(SweepFixtures.Write(dir, yaml));
        Assert.Equal(4, sweep.Points.Count);
        Assert.Equal(["{placement: on_chip}", "{gmin_s: 1.0e-6, gmax_s: 100.0e-6}"], sweep.Points[0].Values.Select(v => v.Text));
        var onChip = sweep.Points[0].Chip;
        Assert.Equal(ControllerPlacement.OnChip, onChip.Controller.Placement);
        Assert.Equal(1.0e-6, onChip.Device.Card.GminS);
        Assert.Equal(100.0e-6, onChip.Device.Card.GmaxS);
        var offChip = sweep.Points[3].Chip;
        Assert.Equal(ControllerPlacement.OffChip, offChip.Controller.Placement);
        Assert.Equal(1_000_000, offChip.Controller.HostRoundTripPs);
        Assert.Equal(800.0e-6, offChip.Device.Card.GmaxS);

        // The keys the mapping leaves out keep the base chip's values.
        Assert.Equal(onChip.Controller.IssueCycles, offChip.Controller.IssueCycles);
        Assert.Equal(4, sweep.Points.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void A_mapping_value_off_chip_without_its_round_trip_is_rejected_at_its_line()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: mapped
            chip: {{SweepFixtures.Chip}}
            axes:
              controller: [{placement: on_chip},
                {placement: off_chip}]
            workload: { kind: compare }
            metrics: [sync_latency_ps]
            """;
        string path = SweepFixtures.Write(dir, yaml);
        var ex = Assert.Throws<ArchException>(() => SweepReader.Load(path));
        Assert.Equal(5, ex.Line);
        Assert.Equal("axes.controller[1]", ex.KeyPath);
        Assert.Contains("must be > 0 when placement is off_chip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workload_axis_gives_each_point_its_own_workload_options()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: workloads
            chip: {{SweepFixtures.Chip}}
            axes:
              workload.rule: [hebb, pinv]
              workload.cue_flip: [0.05, 0.2]
            workload: { kind: compare, patterns: 2, seed: 3 }
            metrics: [sync_iterations, async_iterations, energy_ratio]
            """;
        var sweep = SweepReader.Load(SweepFixtures.Write(dir, yaml));
        Assert.Equal(4, sweep.Points.Count);
        Assert.Equal(4, sweep.Points.Select(p => p.Id).Distinct().Count());
        var last = Assert.IsType<CompareWorkload>(sweep.Points[3].Workload);
        Assert.Equal(Engram.Workloads.Recall.WeightRuleKind.Pinv, last.Rule);
        Assert.Equal(0.2, last.CueFlip);
        Assert.Equal(2, last.Patterns);
        Assert.Equal(3UL, last.Seed);

        // The chip is the base chip at every point; the point's workload runs as one built by hand would.
        Assert.All(sweep.Points, p => Assert.Equal(sweep.Points[0].Chip.Periphery.AdcBits, p.Chip.Periphery.AdcBits));
        var byHand = new CompareWorkload(Engram.Workloads.Recall.WeightRuleKind.Pinv, 2, 0.2, 3).Run(sweep.Points[3].Chip, 1);
        Assert.Equal(byHand, sweep.Points[3].Workload.Run(sweep.Points[3].Chip, 1));
    }

    [Fact]
    public void Without_workload_axes_every_point_runs_the_file_s_workload()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        Assert.All(sweep.Points, p => Assert.Same(sweep.Workload, p.Workload));
    }
}
