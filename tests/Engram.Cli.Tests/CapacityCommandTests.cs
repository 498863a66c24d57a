using System.Text.Json;

namespace Engram.Cli.Tests;

/// <summary><c>engram capacity</c> and <c>engram scaling</c> end to end through the real entry point.</summary>
public class CapacityCommandTests
{
    [Fact]
    public void Capacity_json_has_one_entry_per_fault_rate_with_its_curve()
    {
        var (code, output, error) = CliRunner.Run("capacity", "--rule", "pinv", "--n", "16", "--faults", "0,0.3", "--grid", "2:10:4", "--trials", "3", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var runs = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal([0.0, 0.3], runs.Select(r => r.GetProperty("fault_rate").GetDouble()));
        foreach (var run in runs)
        {
            Assert.Equal("pinv", run.GetProperty("rule").GetString());
            Assert.Equal(16, run.GetProperty("n").GetInt32());
            Assert.True(run.GetProperty("capacity_099").GetInt32() <= run.GetProperty("capacity_095").GetInt32());
            var curve = run.GetProperty("curve").EnumerateArray().ToList();
            Assert.Equal([2, 6, 10], curve.Select(p => p.GetProperty("patterns").GetInt32()));
            Assert.All(curve, p =>
            {
                // The exact rate counts whole recalls: P patterns in each of the 3 trials.
                double recalls = p.GetProperty("exact").GetDouble() * p.GetProperty("patterns").GetInt32() * 3;
                Assert.Equal(Math.Round(recalls), recalls, 9);
            });
        }

        // Without faults the pseudo-inverse keeps the stored patterns fixed points: at the smallest load every cue
        // (a few flipped bits) is recalled exactly, so similarity and exact rate are 1 and capacity(0.99) is that load.
        var clean = runs[0].GetProperty("curve").EnumerateArray().First();
        Assert.Equal(1.0, clean.GetProperty("similarity").GetDouble(), 12);
        Assert.Equal(1.0, clean.GetProperty("exact").GetDouble());
        Assert.Equal(2, runs[0].GetProperty("capacity_099").GetInt32());
    }

    [Fact]
    public void Capacity_writes_csv_into_the_output_folder_and_prints_a_summary()
    {
        using var temp = new TempDir("engram-capacity-");
        string dir = temp.Combine("out");
        {
            var (code, output, error) = CliRunner.Run("capacity", "--rule", "hebb", "--n", "64", "--dataset", "digits", "--grid", "1,2,4", "--trials", "2", "--out", dir);
            Assert.True(code == 0, error);
            Assert.Contains("capacity(0.99)", output, StringComparison.Ordinal);
            var curve = File.ReadAllLines(Path.Combine(dir, "capacity-curve.csv"));
            Assert.Equal(4, curve.Length);
            Assert.StartsWith("rule,n,dataset", curve[0], StringComparison.Ordinal);
            Assert.StartsWith("hebb,64,digits,0,0,", curve[1], StringComparison.Ordinal);
            Assert.Equal(2, File.ReadAllLines(Path.Combine(dir, "capacity.csv")).Length);
        }
    }

    [Fact]
    public void Scaling_json_has_exponent_interval_and_points()
    {
        var (code, output, error) = CliRunner.Run("scaling", "--rule", "pinv", "--n", "16,24,32", "--grid", "1:40:1", "--trials", "2", "--tau", "0.95", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        double exponent = root.GetProperty("exponent").GetDouble();
        Assert.InRange(exponent, 0.3, 2.0);
        var ci = root.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToList();
        Assert.Equal(2, ci.Count);
        Assert.True(ci[0] <= exponent && exponent <= ci[1]);
        var points = root.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([16, 24, 32], points.Select(p => p.GetProperty("n").GetInt32()));
        Assert.All(points, p => Assert.True(p.GetProperty("capacity").GetInt32() > 0));
    }

    [Fact]
    public void Scaling_with_two_sizes_has_a_null_interval()
    {
        var (code, output, error) = CliRunner.Run("scaling", "--rule", "hebb", "--n", "16,32", "--grid", "1:16:1", "--trials", "2", "--tau", "0.9", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var ci = doc.RootElement.GetProperty("ci95").EnumerateArray().ToList();
        Assert.Equal(2, ci.Count);
        Assert.All(ci, e => Assert.Equal(JsonValueKind.Null, e.ValueKind));
    }

    [Fact]
    public void Scaling_flags_a_capacity_at_the_given_grid_end_and_leaves_it_out_of_the_fit()
    {
        // pinv with clean cues stores every P well below N exactly, so a grid ending at 4 clips all three sizes.
        var (code, output, error) = CliRunner.Run("scaling", "--rule", "pinv", "--n", "16,24,32", "--grid", "1:4:1", "--cue-flip", "0", "--trials", "1", "--json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.All(points, p =>
        {
            Assert.True(p.GetProperty("clipped").GetBoolean());
            Assert.Equal(4, p.GetProperty("capacity").GetInt32());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("first_failure").ValueKind);
        });
        Assert.Empty(doc.RootElement.GetProperty("fit_sizes").EnumerateArray());
        Assert.Contains("grid's end: N = 16, 24, 32", error, StringComparison.Ordinal);

        // --extend-to lets the same grid go on until each capacity is bracketed, and the fit then uses every size.
        (code, output, error) = CliRunner.Run("scaling", "--rule", "pinv", "--n", "16,24,32", "--grid", "1:4:1", "--cue-flip", "0", "--trials", "1", "--extend-to", "64");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("clipped", output, StringComparison.Ordinal);
        Assert.Contains("over N = 16, 24, 32", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaling_names_the_size_that_never_reaches_tau()
    {
        var (code, _, error) = CliRunner.Run("scaling", "--rule", "hebb", "--n", "16,32", "--grid", "4,8", "--trials", "2", "--tau", "0.999999");
        Assert.Equal(1, code);
        Assert.Contains("no grid P reaches τ", error, StringComparison.Ordinal);
        Assert.Contains("N = 16", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rules_exit_2_with_a_message()
    {
        var (code, _, error) = CliRunner.Run("capacity", "--rule", "oja", "--n", "16", "--grid", "1", "--trials", "1");
        Assert.Equal(2, code);
        Assert.Contains("engram capacity:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adaptive")]
    [InlineData("multilayer")]
    public void Trained_rules_run_end_to_end(string rule)
    {
        var (code, output, error) = CliRunner.Run("capacity", "--rule", rule, "--n", "16", "--hidden", "16", "--grid", "2,4", "--trials", "2", "--faults", "0,0.3", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.All(doc.RootElement.EnumerateArray(), r => Assert.Equal(rule, r.GetProperty("rule").GetString()));
    }

    [Fact]
    public void Bad_options_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("capacity", "--rule", "pinv", "--n", "16", "--faults", "0,x").Code);
        Assert.Equal(2, CliRunner.Run("capacity", "--rule", "pinv", "--n", "10", "--dataset", "digits").Code);
        Assert.Equal(2, CliRunner.Run("capacity", "--rule", "pinv", "--n", "16", "--faults", "1.5").Code);
    }
}
