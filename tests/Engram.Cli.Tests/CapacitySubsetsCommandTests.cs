namespace Engram.Cli.Tests;

/// <summary><c>engram capacity --subsets</c> end to end: the files it writes and its option errors.</summary>
public class CapacitySubsetsCommandTests
{
    [Fact]
    public void Several_subsets_write_the_spread_and_every_draw_s_capacities()
    {
        using var temp = new TempDir("engram-subsets-");
        string dir = temp.Combine("out");
        var (code, output, error) = CliRunner.Run("capacity", "--rule", "pinv", "--n", "16", "--faults", "0,0.4", "--grid", "2:10:4", "--trials", "2", "--subsets", "3", "--quiet", "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("3 pattern subsets per P × 2 trials", output, StringComparison.Ordinal);
        Assert.Contains("exact-recall capacity(0.99)", output, StringComparison.Ordinal);
        var curve = File.ReadAllLines(Path.Combine(dir, "capacity-curve.csv"));
        Assert.Equal(1 + (2 * 3), curve.Length);
        Assert.All(curve.Skip(1), row =>
        {
            var cells = row.Split(',');
            Assert.Equal("3", cells[12]);
            Assert.True(double.Parse(cells[13], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        });
        Assert.Equal(1 + (2 * 3), File.ReadAllLines(Path.Combine(dir, "capacity-subsets.csv")).Length);
        Assert.Equal(1 + (2 * 3 * 3), File.ReadAllLines(Path.Combine(dir, "capacity-subset-curve.csv")).Length);
        Assert.EndsWith(",3", File.ReadAllLines(Path.Combine(dir, "capacity.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Fresh_subsets_store_one_trial_per_subset()
    {
        using var temp = new TempDir("engram-subsets-");
        string dir = temp.Combine("out");
        var (code, _, error) = CliRunner.Run("capacity", "--rule", "hebb", "--n", "16", "--grid", "1,3", "--trials", "4", "--subsets", "fresh", "--quiet", "--out", dir);
        Assert.True(code == 0, error);
        var subsets = File.ReadAllLines(Path.Combine(dir, "capacity-subsets.csv"));
        Assert.Equal(5, subsets.Length);
        Assert.All(subsets.Skip(1), row => Assert.Equal("1", row.Split(',')[6]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("2.5")]
    public void Bad_subset_counts_exit_2_naming_the_option(string subsets)
    {
        var (code, _, error) = CliRunner.Run("capacity", "--rule", "pinv", "--n", "16", "--grid", "2", "--subsets", subsets);
        Assert.Equal(2, code);
        Assert.Contains("--subsets", error, StringComparison.Ordinal);
    }
}
