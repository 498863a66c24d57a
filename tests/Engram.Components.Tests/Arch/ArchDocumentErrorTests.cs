using Engram.Components.Arch;

namespace Engram.Components.Tests.Arch;

/// <summary>Regressions found by <see cref="LoaderFuzzTests"/>: inputs that escaped as other exceptions or lost their key.</summary>
public class ArchDocumentErrorTests
{
    private static ArchDocument Parse(string yaml) => ArchDocument.Parse("chip.yaml", new StringReader(yaml));

    [Fact]
    public void A_duplicate_key_names_its_key_path()
    {
        var e = Assert.Throws<ArchException>(() => Parse("""
            periphery:
              adc:
                bits: 5
                bits: 6
            tiles:
              - rows: 1
                rows: 2
            """));
        Assert.Equal("chip.yaml:4:5: periphery.adc.bits: duplicate key", e.Message);

        var inList = Assert.Throws<ArchException>(() => Parse("tiles:\n  - rows: 1\n  - cols: 1\n    cols: 2\n"));
        Assert.Equal((4L, "tiles[1].cols"), (inList.Line, inList.KeyPath));

        var top = Assert.Throws<ArchException>(() => Parse("name: a\nclocks: {}\nname: b\n"));
        Assert.Equal((3L, "name"), (top.Line, top.KeyPath));

        // Found by the fuzzer: a complex key ('? a: 1') or an alias key earlier in the file hid the path.
        var afterComplex = Assert.Throws<ArchException>(() => Parse("conductance:\n  ? gmax_s: 1\n  levels: 0\nconductance:\n  levels: 0\n"));
        Assert.Equal((4L, "conductance"), (afterComplex.Line, afterComplex.KeyPath));
        var afterAlias = Assert.Throws<ArchException>(() => Parse("a: &x 1\ntiles:\n  *x : 2\n  count: 1\n  count: 2\n"));
        Assert.Equal((5L, "tiles.count"), (afterAlias.Line, afterAlias.KeyPath));
        var empty = Assert.Throws<ArchException>(() => Parse(":\n:\n"));
        Assert.Equal("''", empty.KeyPath);
    }

    [Fact]
    public void An_event_the_tree_builder_rejects_is_located_malformed_yaml()
    {
        // YamlDotNet throws ArgumentException ("unsupported event") here, not a YamlException; the event it
        // rejected is the one after the broken key, so the line is at or just after it.
        var e = Assert.Throws<ArchException>(() => Parse("periphery:\n  adc:\n    : ype: sar\n    bits: 5\n"));
        Assert.Contains("malformed YAML", e.Detail, StringComparison.Ordinal);
        Assert.True(e.Line is >= 3 and <= 4, e.Message);
    }

    [Fact]
    public void An_empty_key_is_named_as_written()
    {
        var e = Assert.Throws<ArchException>(() => Parse("name: a\n'': 1\n"));
        Assert.Equal("chip.yaml:2:1: '': keys must not be empty", e.Message);
    }

    [Fact]
    public void Strings_with_control_characters_are_rejected_at_the_key()
    {
        // A "\0" card path used to reach Path.GetFullPath and escape as ArgumentException ("Null character in path").
        var devices = Parse("devices:\n  card: \"../devices/\\0.yaml\"\n").Root.RequireMap("devices");
        var e = Assert.Throws<ArchException>(() => devices.RequireString("card"));
        Assert.Equal((2L, "devices.card"), (e.Line, e.KeyPath));
        Assert.Equal("x\ty\nz", Parse("note: \"x\\ty\\nz\"\n").Root.RequireString("note"));
    }

    [Fact]
    public void A_chip_whose_card_path_holds_a_null_character_is_an_arch_error()
    {
        string chip = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("card: ../devices/hnn64-rram.yaml", "card: \"../devices/\\0.yaml\"", StringComparison.Ordinal);
        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "mutant.yaml"), chip));
        Assert.Equal("devices.card", e.KeyPath);
    }
}
