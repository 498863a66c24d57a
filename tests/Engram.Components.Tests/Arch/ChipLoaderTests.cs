using Engram.Components.Blocks.Adc;
using Engram.Components.Blocks.Neurons;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Arch;

namespace Engram.Components.Tests.Arch;

/// <summary>The chip reader: shipped chips load and fit, values land in the right fields, paths resolve, errors are located.</summary>
public sealed class ChipLoaderTests : IDisposable
{
    // The shipped chips must pass the memory check on a 24 GiB machine (50 % of it).
    private const long TwelveGiB = 12L << 30;

    private readonly TempDir _temp = new("engram-chips-");

    private string Dir => _temp.Path;

    public static TheoryData<string> ShippedChips => new(Directory.GetFiles(RepoPaths.Chips, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> BrokenChips => new(BrokenChip.All().Select(b => Path.GetFileNameWithoutExtension(b.Path)));

    public void Dispose() => _temp.Dispose();

    private static ChipSpec Shipped(string name) => ChipLoader.Load(Path.Combine(RepoPaths.Chips, name), TwelveGiB);

    [Theory]
    [MemberData(nameof(ShippedChips))]
    public void Every_shipped_chip_loads_and_fits(string file)
    {
        var spec = Shipped(file);
        var fit = ChipFit.Of(spec);
        Assert.True(fit.Fits);
        Assert.True(fit.EstimatedBytes <= TwelveGiB);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), spec.Name);
        Assert.True(File.Exists(spec.Device.CardPath));
    }

    [Fact]
    public void The_promised_chips_are_shipped()
    {
        string[] expected = ["hnn64-multilayer.yaml", "hnn64.yaml", "tiled-1024.yaml", "tiled-16384.yaml", "tiled-256.yaml", "tiled-4096.yaml"];
        Assert.All(expected, name => Assert.True(File.Exists(Path.Combine(RepoPaths.Chips, name)), name));
    }

    [Fact]
    public void Hnn64_values_land_in_their_fields()
    {
        var spec = Shipped("hnn64.yaml");
        Assert.Equal("hnn64", spec.Name);
        Assert.Equal(new TechnologySpec(22, 0.85), spec.Technology);
        Assert.Equal(new ClockSpec(1000), spec.Clock);
        Assert.Same(WeightMappings.Differential, spec.Device.Mapping);
        Assert.Equal(Path.GetFullPath(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml")), spec.Device.CardPath);
        Assert.Equal("hnn64-rram", spec.Device.Card.Name);
        Assert.Equal(new TilesSpec(1, 2), spec.Tiles);
        Assert.Equal(new ArraySpec(64, 64), spec.Array);
        Assert.Equal(new PeripherySpec(1, new AdcSpec(new SarAdcType(), 5, 8), 1000, Neurons.Sign, 1, true), spec.Periphery);
        Assert.Equal(
            new ControllerSpec(Schedule.Sync, UpdateOrder.Random, 100, ControllerPlacement.OnChip, 1, 1.0e-13, 0, 0, 1000),
            spec.Controller);
        Assert.Equal(new InterconnectSpec(100, 16, 1), spec.Interconnect);
        Assert.Equal(new NetworkSpec(NetworkKind.SingleLayer, 64, 0), spec.Network);
        Assert.Equal("neurosim", spec.CostProfile);
        Assert.Empty(spec.CostOverrides);
        Assert.Equal(Path.Combine(RepoPaths.Chips, "hnn64.yaml"), spec.File);

        var fit = ChipFit.Of(spec);
        Assert.Equal(new ChipFit(1, 2, 2, 2, 8192, (8192L * 5) + (2 * 64 * (ChipFit.PerColumnBytes + ChipFit.PerRowBytes)), 5), fit);
    }

    [Fact]
    public void Multilayer_chip_has_graded_hidden_drive_sign_outputs_per_layer_adc_range_and_four_arrays()
    {
        var spec = Shipped("hnn64-multilayer.yaml");
        Assert.Equal(new NetworkSpec(NetworkKind.Multilayer, 64, 32), spec.Network);
        Assert.Same(Neurons.Sign, spec.Periphery.Neuron);
        Assert.True(spec.Periphery.DacBits >= 2);
        Assert.Equal(1.0, spec.Periphery.FullScaleFractionOf(0));
        Assert.Equal(0.0625, spec.Periphery.FullScaleFractionOf(1));
        var fit = ChipFit.Of(spec);
        Assert.Equal(2, fit.Blocks);
        Assert.Equal(4, fit.PhysicalArraysNeeded);
    }

    [Theory]
    [InlineData("tiled-256.yaml", 256, 2, 8)]
    [InlineData("tiled-1024.yaml", 1024, 32, 128)]
    [InlineData("tiled-4096.yaml", 4096, 512, 2048)]
    public void Tiled_chips_share_the_per_array_design_and_fill_their_tiles(string file, int n, int tiles, long arrays)
    {
        var spec = Shipped(file);
        var hnn = Shipped("hnn64.yaml");
        Assert.Equal(n, spec.Network.Neurons);
        Assert.Equal(new ArraySpec(128, 128), spec.Array);
        Assert.Equal(new TilesSpec(tiles, 4), spec.Tiles);
        Assert.Equal(arrays, ChipFit.Of(spec).PhysicalArraysNeeded);
        Assert.Equal(hnn.Technology, spec.Technology);
        Assert.Equal(hnn.Periphery, spec.Periphery);
        Assert.Equal(hnn.Device.CardPath, spec.Device.CardPath);
        Assert.Equal(hnn.Controller, spec.Controller);
        Assert.Equal(hnn.CostProfile, spec.CostProfile);
    }

    [Fact]
    public void A_relative_card_path_resolves_against_the_chip_files_folder()
    {
        string chips = Directory.CreateDirectory(Path.Combine(Dir, "chips")).FullName;
        string devices = Directory.CreateDirectory(Path.Combine(Dir, "devices")).FullName;
        File.Copy(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"), Path.Combine(devices, "card.yaml"));
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("../devices/hnn64-rram.yaml", "../devices/card.yaml", StringComparison.Ordinal);
        string chip = Path.Combine(chips, "mine.yaml");
        File.WriteAllText(chip, yaml);

        string expected = Path.Combine(devices, "card.yaml");
        Assert.Equal(expected, ChipLoader.Load(chip).Device.CardPath);
        Assert.Equal(expected, ChipLoader.Parse(chip, yaml).Device.CardPath);
    }

    [Fact]
    public void An_absolute_card_path_is_used_as_is()
    {
        string card = Path.Combine(RepoPaths.DeviceCards, "ideal.yaml");
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("../devices/hnn64-rram.yaml", card, StringComparison.Ordinal);
        var spec = ChipLoader.Parse(Path.Combine(Dir, "elsewhere.yaml"), yaml);
        Assert.Equal(Path.GetFullPath(card), spec.Device.CardPath);
    }

    [Fact]
    public void Optional_keys_take_their_defaults_and_overrides_accept_units()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("  unselected_columns_conduct: true", "", StringComparison.Ordinal)
            .Replace("  host_round_trip_ps: 0    # on-chip controller: no host round trip\n", "", StringComparison.Ordinal)
            .Replace("  host_round_trip_energy_j: 0\n", "", StringComparison.Ordinal)
            + """
            costs:
              adc: { energy_j: "42.4 fJ", latency_ps: 6000, source: NeuroSim 5-bit SAR }
              neuron: { area_um2: 0.5, source: assumption }
            """;
        // The keys whose defaults are checked are really gone (the replacements above must still match the file).
        Assert.DoesNotContain("unselected_columns_conduct", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("host_round_trip_ps", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("host_round_trip_energy_j", yaml, StringComparison.Ordinal);
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "variant.yaml"), yaml);
        Assert.True(spec.Periphery.UnselectedColumnsConduct);
        Assert.Equal(0, spec.Controller.HostRoundTripPs);
        Assert.Equal(0, spec.Controller.HostRoundTripEnergyJ);
        Assert.Equal(["adc", "neuron"], spec.CostOverrides.Keys.ToArray());
        var adc = spec.CostOverrides["adc"];
        Assert.Equal(42.4e-15, adc.EnergyJ!.Value, 1e-20);
        Assert.Equal(6000, adc.LatencyPs);
        Assert.Null(adc.AreaUm2);
        Assert.Equal("NeuroSim 5-bit SAR", adc.Source);
        Assert.Equal(new CostOverride(null, null, 0.5, "assumption"), spec.CostOverrides["neuron"]);
    }

    [Fact]
    public void The_readme_example_loads()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Chips, "..", "README.md"));
        int start = readme.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        string yaml = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "example.yaml"), yaml);
        Assert.Equal("hnn64", spec.Name);
        Assert.Equal(new ControllerSpec(Schedule.Sync, UpdateOrder.Random, 100, ControllerPlacement.OnChip, 1, 1.0e-13, 0, 0, 1000), spec.Controller);
        Assert.Equal(42.4e-15, spec.CostOverrides["adc"].EnergyJ!.Value, 1e-20);
    }

    [Fact]
    public void There_are_at_least_ten_distinct_broken_chips()
    {
        var broken = BrokenChip.All();
        Assert.True(broken.Count >= 10, $"{broken.Count} broken chips");
        Assert.Equal(broken.Count, broken.Select(b => File.ReadAllText(b.Path)).Distinct().Count());
        Assert.All(broken, b => Assert.True(b.Line > 0, $"{b}: no line marked '# <-- error'"));
    }

    [Theory]
    [MemberData(nameof(BrokenChips))]
    public void Every_broken_chip_is_rejected_with_file_line_and_key(string name)
    {
        var broken = BrokenChip.Named(name);
        var e = Assert.Throws<ArchException>(() => ChipLoader.Load(broken.Path));
        Assert.Equal(broken.Path, e.File);
        Assert.Equal(broken.Line, e.Line);
        Assert.True(e.Column > 0);
        Assert.Equal(broken.KeyPath, e.KeyPath);
        Assert.StartsWith($"{broken.Path}:{broken.Line}:{e.Column}: {broken.KeyPath}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(broken.Detail, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_memory_budget_is_injectable()
    {
        string path = Path.Combine(RepoPaths.Chips, "tiled-256.yaml");
        var e = Assert.Throws<ArchException>(() => ChipLoader.Load(path, 1L << 19));
        Assert.Equal("network.neurons", e.KeyPath);
        Assert.Contains("131072 cells", e.Message, StringComparison.Ordinal);
        Assert.Contains("memory budget of 512 KiB", e.Message, StringComparison.Ordinal);
        Assert.Equal(256, ChipLoader.Load(path, 1L << 30).Network.Neurons);
        Assert.True(ChipLoader.DefaultMemoryBudgetBytes > 0);
    }

    [Fact]
    public void A_broken_device_card_reports_its_own_file_and_line()
    {
        string card = Path.Combine(Dir, "bad-card.yaml");
        File.WriteAllText(card, File.ReadAllText(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"))
            .Replace("  levels: 64 ", "  levelz: 64 ", StringComparison.Ordinal));
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("../devices/hnn64-rram.yaml", "bad-card.yaml", StringComparison.Ordinal);
        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(Dir, "chip.yaml"), yaml));
        Assert.Equal(card, e.File);
        Assert.Equal("conductance.levelz", e.KeyPath);
        Assert.True(e.Line > 1);
    }

    [Fact]
    public void A_missing_chip_file_names_the_file()
    {
        string path = Path.Combine(Dir, "nope.yaml");
        var e = Assert.Throws<ArchException>(() => ChipLoader.Load(path));
        Assert.Equal(path, e.File);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_section_is_an_unknown_key_not_a_missing_one()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml")).Replace("\nclocks:", "\nclock:", StringComparison.Ordinal);
        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "x.yaml"), yaml));
        Assert.Equal("clock", e.KeyPath);
        Assert.Contains("unknown key; expected one of:", e.Message, StringComparison.Ordinal);
        Assert.Contains("clocks", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NetworkKind.SingleLayer, 100, 0, 64, 64, "differential", 4, 8)]
    [InlineData(NetworkKind.SingleLayer, 64, 0, 64, 64, "reference_column", 1, 1)]
    [InlineData(NetworkKind.Multilayer, 100, 50, 64, 64, "differential", 4, 8)]
    [InlineData(NetworkKind.Multilayer, 64, 32, 64, 32, "reference_column", 3, 3)]
    public void Fit_counts_blocks_per_layer(NetworkKind kind, int n, int h, int rows, int cols, string mapping, long blocks, long arrays)
    {
        var fit = ChipFit.Of(new NetworkSpec(kind, n, h), new ArraySpec(rows, cols), new TilesSpec(1, 1), WeightMappings.TryGet(mapping, out var m) ? m : throw new ArgumentException(mapping));
        Assert.Equal(blocks, fit.Blocks);
        Assert.Equal(arrays, fit.PhysicalArraysNeeded);
        Assert.Equal(arrays * rows * cols, fit.Cells);
    }
}

public class AdcFullScaleLoaderTests
{
    private static string Hnn64() => File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"));

    [Fact]
    public void A_full_scale_list_must_have_one_value_or_one_per_layer()
    {
        string yaml = Hnn64().Replace("    columns_per_adc: 8", "    columns_per_adc: 8\n    full_scale_fraction: [0.5, 0.25]", StringComparison.Ordinal);
        var file = Path.Combine(RepoPaths.Chips, "hnn64.yaml");
        var ex = Assert.Throws<ArchException>(() => ChipLoader.Parse(file, yaml));
        Assert.Contains("periphery.adc.full_scale_fraction", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one per layer (1), got 2", ex.Message, StringComparison.Ordinal);
        string ok = Hnn64().Replace("    columns_per_adc: 8", "    columns_per_adc: 8\n    full_scale_fraction: [0.5]", StringComparison.Ordinal);
        Assert.Equal(0.5, ChipLoader.Parse(file, ok).Periphery.FullScaleFractionOf(0));
        string bad = Hnn64().Replace("    columns_per_adc: 8", "    columns_per_adc: 8\n    full_scale_fraction: [1.5]", StringComparison.Ordinal);
        Assert.Throws<ArchException>(() => ChipLoader.Parse(file, bad));
    }
}
