using System.Text.Json;

namespace Engram.Cli.Tests;

/// <summary><c>engram scaling --chip</c> end to end: one design grown to each N, and its option errors.</summary>
public class ScalingChipCommandTests
{
    private static string Chip(string name) => Path.Combine(RepoPaths.Root, "arch", "chips", name);

    [Fact]
    public void One_chip_grown_to_each_N_gives_a_fit_and_chip_costs_per_size()
    {
        using var temp = new TempDir("engram-scaling-chip-");
        string dir = temp.Combine("out");
        var (code, output, error) = CliRunner.Run("scaling", "--rule", "pinv", "--chip", Chip("hnn64.yaml"), "--n", "16,25", "--grid", "1:6:1", "--trials", "2", "--tau", "0.9",
            "--quiet", "--json", "--out", dir);
        Assert.True(code is 0 or 1, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal([16, 25], doc.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("n").GetInt32()));
        var costs = File.ReadAllLines(Path.Combine(dir, "chip-costs.csv"));
        Assert.StartsWith("rule,n,fault_rate,patterns,energy_per_recall_j", costs[0], StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 6), costs.Length);
        Assert.Equal(["16", "25"], costs.Skip(1).Select(r => r.Split(',')[1]).Distinct());
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "scaling.csv")).Length);
    }

    [Fact]
    public void Several_chips_with_n_or_neither_chips_nor_n_exit_2()
    {
        var (code, _, error) = CliRunner.Run("scaling", "--rule", "pinv", "--chip", Chip("hnn64.yaml") + "," + Chip("hnn64.yaml"), "--n", "16,25", "--grid", "1:4:1");
        Assert.Equal(2, code);
        Assert.Contains("--n grows one chip design", error, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("scaling", "--rule", "pinv", "--grid", "1:4:1");
        Assert.Equal(2, code);
        Assert.Contains("give --n", error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("scaling", "--rule", "pinv", "--chip", Chip("train-digits.yaml"), "--n", "16,25").Code);
    }
}
