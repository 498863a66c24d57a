using Engram.Components.Arch;

namespace Engram.Components.Tests.Arch;

/// <summary>The strict reader on its own: typed values, lists, nested maps, and where errors point.</summary>
public class ArchMapTests
{
    private enum Schedule
    {
        Sync,
        AsyncRandom,
    }

    private static ArchMap Root(string yaml) => ArchDocument.Parse("chip.yaml", new StringReader(yaml)).Root;

    [Fact]
    public void Reads_typed_values_nested_maps_and_lists()
    {
        var root = Root("""
            controller:
              schedule: async_random
              max_iterations: 100
              period_ps: 5000000000
              off_chip: true
            tiles:
              - rows: 64
                gain: [1.0, 2.5]
              - rows: 32
            """);
        var controller = root.RequireMap("controller");
        Assert.Equal(Schedule.AsyncRandom, controller.RequireEnum<Schedule>("schedule"));
        Assert.Equal(100, controller.RequireInt("max_iterations", 1, 1000));
        Assert.Equal(5_000_000_000L, controller.RequireLong("period_ps", 1));
        Assert.True(controller.RequireBool("off_chip"));
        Assert.Equal(Schedule.Sync, controller.OptionalEnum("fallback", Schedule.Sync));
        Assert.Equal(0.5, controller.OptionalDouble("missing", 0.5));
        controller.EnsureNoUnknownKeys();

        var tiles = root.RequireMapList("tiles");
        Assert.Equal(2, tiles.Count);
        Assert.Equal("tiles[1]", tiles[1].Path);
        Assert.Equal([1.0, 2.5], tiles[0].RequireDoubleList("gain", 0, 10));
        Assert.Null(tiles[1].OptionalDoubleList("gain"));
        Assert.Equal(32, tiles[1].RequireInt("rows"));
        root.EnsureNoUnknownKeys();
    }

    [Fact]
    public void Errors_point_into_lists_and_reject_quoted_or_missing_numbers()
    {
        var root = Root("""
            tiles:
              - rows: 64
              - rows: "32"
            empty:
            """);
        var tiles = root.RequireMapList("tiles");
        var quoted = Assert.Throws<ArchException>(() => tiles[1].RequireInt("rows"));
        Assert.Equal("chip.yaml:3:11: tiles[1].rows: expected an integer, got '32'", quoted.Message);
        var missing = Assert.Throws<ArchException>(() => root.RequireDouble("empty"));
        Assert.Equal("empty", missing.KeyPath);
        Assert.EndsWith("value is missing", missing.Message, StringComparison.Ordinal);
        var notAList = Assert.Throws<ArchException>(() => tiles[0].RequireDoubleList("rows"));
        Assert.Contains("expected a list", notAList.Message, StringComparison.Ordinal);
        var tooLarge = Assert.Throws<ArchException>(() => tiles[0].RequireInt("rows", 1, 32));
        Assert.EndsWith("tiles[0].rows: must be in [1, 32], got 64", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_mapping_document_is_rejected()
    {
        var e = Assert.Throws<ArchException>(() => ArchDocument.Parse("x.yaml", new StringReader("- 1\n- 2\n")));
        Assert.Equal("x.yaml:1:1: the document must be a mapping of keys to values", e.Message);
    }

    [Theory]
    [InlineData("25 uS", "S", 25e-6)]
    [InlineData("0.5 mV", "V", 0.5e-3)]
    [InlineData("10ns", "s", 10e-9)]
    [InlineData("3 S", "S", 3.0)]
    [InlineData("2 kS", "S", 2e3)]
    public void Quantities_parse_with_prefixes(string text, string unit, double expected)
    {
        Assert.True(Quantity.TryParse(text, unit, out double value));
        Assert.Equal(expected, value, expected * 1e-12);
    }

    [Theory]
    [InlineData("25 uV", "S")]
    [InlineData("uS", "S")]
    [InlineData("25 xS", "S")]
    public void Quantities_reject_wrong_units_and_prefixes(string text, string unit) =>
        Assert.False(Quantity.TryParse(text, unit, out _));
}
