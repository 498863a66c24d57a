namespace Engram.Cli.Tests;

/// <summary><c>engram validate FILE</c>: shipped chips and cards pass (exit 0); broken chips fail with file, line and key (exit 2).</summary>
public sealed class ValidateCommandTests
{
    public static TheoryData<string> ShippedChips =>
        new(Directory.GetFiles(Find("arch", "chips"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> BrokenChips =>
        new(Directory.GetFiles(BrokenFolder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    private static string BrokenFolder => Find("tests", "Engram.Components.Tests", "Arch", "broken-chips");

    [Theory]
    [MemberData(nameof(ShippedChips))]
    public void Shipped_chips_validate(string file)
    {
        string path = Path.Combine(Find("arch", "chips"), file);
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
        var (code, output, _) = CliRunner.Run("validate", Path.Combine(Find("arch", "chips"), "hnn64.yaml"));
        Assert.Equal(0, code);
        Assert.Contains("2 needed of 2 available", output, StringComparison.Ordinal);
        Assert.Contains("cells         8192", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenChips))]
    public void Broken_chips_exit_2_with_file_line_and_key_on_stderr_only(string file)
    {
        string path = Path.Combine(BrokenFolder, file);
        string[] lines = File.ReadAllLines(path);
        string key = lines.Single(l => l.StartsWith("# expect-key: ", StringComparison.Ordinal))["# expect-key: ".Length..].Trim();
        int line = Array.FindIndex(lines, l => l.EndsWith("# <-- error", StringComparison.Ordinal)) + 1;
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
        string path = Path.Combine(BrokenFolder, file);
        string[] lines = File.ReadAllLines(path);
        string key = lines.Single(l => l.StartsWith("# expect-key: ", StringComparison.Ordinal))["# expect-key: ".Length..].Trim();
        int line = Array.FindIndex(lines, l => l.EndsWith("# <-- error", StringComparison.Ordinal)) + 1;
        string outDir = Path.Combine(Path.GetTempPath(), "engram-broken-" + Guid.NewGuid().ToString("N"));
        foreach (var args in new[] { new[] { "run", path, "--out", outDir }, ["compare", path, "--json"], ["area", path], ["cost", path] })
        {
            var (code, output, error) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith($"{path}:{line}:", error, StringComparison.Ordinal);
            Assert.Contains($": {key}: ", error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(outDir));
        Assert.Empty(Directory.GetDirectories(Path.GetTempPath(), $".{Path.GetFileName(outDir)}*"));
    }

    [Theory]
    [InlineData("hnn64-rram.yaml")]
    [InlineData("ideal.yaml")]
    public void A_device_card_validates(string file)
    {
        string path = Path.Combine(Find("arch", "devices"), file);
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.True(code == 0, error);
        Assert.StartsWith($"device card ", output, StringComparison.Ordinal);
        Assert.Contains($"({path}): valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_device_card_exits_2_with_its_location()
    {
        string dir = Directory.CreateTempSubdirectory("engram-validate-").FullName;
        try
        {
            string path = Path.Combine(dir, "card.yaml");
            File.WriteAllText(path, File.ReadAllText(Path.Combine(Find("arch", "devices"), "hnn64-rram.yaml"))
                .Replace("  voltage_v: 0.2 ", "  voltage_v: -0.2 ", StringComparison.Ordinal));
            var (code, output, error) = CliRunner.Run("validate", path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith($"{path}:", error, StringComparison.Ordinal);
            Assert.Contains("read.voltage_v", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "engram-no-such-chip-" + Guid.NewGuid().ToString("N") + ".yaml");
        var (code, output, error) = CliRunner.Run("validate", path);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    private static string Find(params string[] parts)
    {
        string relative = Path.Combine(parts);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
