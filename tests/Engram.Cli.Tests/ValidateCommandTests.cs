using Engram.Components.Tests.Arch;

namespace Engram.Cli.Tests;

/// <summary><c>engram validate FILE</c>: shipped chips and cards pass (exit 0); broken chips fail with file, line and key (exit 2).</summary>
public sealed class ValidateCommandTests
{
    public static TheoryData<string> ShippedChips =>
        new(Directory.GetFiles(RepoPaths.Chips, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> BrokenChips =>
        new(BrokenChip.All().Select(b => b.ToString()));

    [Theory]
    [MemberData(nameof(ShippedChips))]
    public void Shipped_chips_validate(string file)
    {
        string path = Path.Combine(RepoPaths.Chips, file);
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        Assert.Contains($"chip {Path.GetFileNameWithoutExtension(file)} ({path}): valid", output, StringComparison.Ordinal);
        Assert.Contains(" needed of ", output, StringComparison.Ordinal);
        Assert.Contains("cells ", output, StringComparison.Ordinal);
        Assert.Contains("memory ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hnn64_summary_counts_arrays_and_cells()
    {
        var (code, output, _) = CliRunner.Run("validate", Path.Combine(RepoPaths.Chips, "hnn64.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("2 needed of 2 available", output, StringComparison.Ordinal);
        Assert.Contains("cells         8192", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenChips))]
    public void Broken_chips_exit_2_with_file_line_and_key_on_stderr_only(string file)
    {
        var (path, key, _, line) = BrokenChip.Named(Path.GetFileNameWithoutExtension(file));
        Assert.True(line > 0);

        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"{path}:{line}:", error, StringComparison.Ordinal);
        Assert.Contains($": {key}: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenChips))]
    public void Broken_chips_make_run_compare_area_and_cost_exit_2_and_leave_no_output_folder(string file)
    {
        var (path, key, _, line) = BrokenChip.Named(Path.GetFileNameWithoutExtension(file));
        using var temp = new TempDir("engram-broken-");
        string outDir = temp.Combine("out");
        foreach (var args in new[] { new[] { "run", path, "--out", outDir }, ["compare", path, "--json"], ["area", path], ["cost", path] })
        {
            var (code, output, error) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith($"{path}:{line}:", error, StringComparison.Ordinal);
            Assert.Contains($": {key}: ", error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Theory]
    [InlineData("hnn64-rram.yaml")]
    [InlineData("ideal.yaml")]
    public void A_device_card_validates(string file)
    {
        string path = Path.Combine(RepoPaths.DeviceCards, file);
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.True(code == 0, error);
        Assert.StartsWith($"device card ", output, StringComparison.Ordinal);
        Assert.Contains($"({path}): valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_device_card_exits_2_with_its_location()
    {
        using var temp = new TempDir("engram-validate-");
        string path = temp.Combine("card.yaml");
        string original = File.ReadAllText(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"));
        string broken = original.Replace("  voltage_v: 0.2 ", "  voltage_v: -0.2 ", StringComparison.Ordinal);
        Assert.NotEqual(original, broken);
        File.WriteAllText(path, broken);
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"{path}:", error, StringComparison.Ordinal);
        Assert.Contains("read.voltage_v", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        using var temp = new TempDir("engram-validate-");
        string path = temp.Combine("no-such-chip.yaml");
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }
}
