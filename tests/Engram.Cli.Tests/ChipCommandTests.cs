using System.Text.Json;
using Engram.Workloads.Tests.Traces;

namespace Engram.Cli.Tests;

/// <summary>run, compare, area and cost through the real entry point on the shipped hnn64 chip.</summary>
public class ChipCommandTests
{
    private static string Chip(string name) => Path.Combine(RepoPaths.Chips, name);

    [Fact]
    public void Run_writes_every_output_and_a_summary()
    {
        using var temp = new TempDir("engram-cli-");
        string dir = temp.Combine("out");
        {
            var (code, output, error) = CliRunner.Run("run", Chip("hnn64.yaml"), "--schedule", "async", "--patterns", "3", "--seed", "5", "--out", dir);
            Assert.True(code == 0, error);
            Assert.Contains("energy per recall", output, StringComparison.Ordinal);
            Assert.Contains("accuracy", output, StringComparison.Ordinal);
            foreach (var file in new[] { "stats.txt", "stats.json", "breakdown.csv", "trace.json", "trace.vcd" })
            {
                Assert.True(File.Exists(Path.Combine(dir, file)), file);
            }

            Assert.Empty(ChromeTraceChecker.Check(File.ReadAllText(Path.Combine(dir, "trace.json"))));
            Assert.Empty(VcdChecker.Check(File.ReadAllText(Path.Combine(dir, "trace.vcd"))).Problems);
            Assert.StartsWith("---------- Begin Simulation Statistics ----------", File.ReadAllText(Path.Combine(dir, "stats.txt")), StringComparison.Ordinal);

            // The breakdown's total row is the stats' ledger energy, and every part of it was actually charged.
            var rows = File.ReadAllLines(Path.Combine(dir, "breakdown.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.True(rows.Count > 1, "breakdown has no parts");
            Assert.All(rows.Take(rows.Count - 1), r => Assert.True(double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture) >= 0, string.Join(',', r)));
            double total = double.Parse(rows[^1][3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(total > 0);
            using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "stats.json")));
            double ledger = stats.RootElement.GetProperty("stats").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "ledger.energy").GetProperty("value").GetDouble();
            Assert.Equal(1, ledger / total, 12);
        }
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_stats_and_traces_and_another_seed_does_not()
    {
        using var temp = new TempDir("engram-cli-");
        string a = temp.Combine("a"), b = temp.Combine("b"), other = temp.Combine("other");
        Assert.Equal(0, CliRunner.Run("run", Chip("hnn64.yaml"), "--seed", "7", "--patterns", "2", "--out", a).Code);
        Assert.Equal(0, CliRunner.Run("run", Chip("hnn64.yaml"), "--seed", "7", "--patterns", "2", "--out", b).Code);
        foreach (var file in new[] { "stats.json", "stats.txt", "breakdown.csv", "trace.json", "trace.vcd" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }

        // A different seed draws other patterns and another device variation, so the statistics change.
        Assert.Equal(0, CliRunner.Run("run", Chip("hnn64.yaml"), "--seed", "8", "--patterns", "2", "--out", other).Code);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "stats.json")), File.ReadAllBytes(Path.Combine(other, "stats.json")));
    }

    [Fact]
    public void Bad_run_arguments_exit_2_and_leave_no_folder()
    {
        using var temp = new TempDir("engram-cli-");
        string dir = temp.Combine("out");
        var (code, output, error) = CliRunner.Run("run", Chip("hnn64.yaml"), "--rule", "oja", "--out", dir);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--rule must be hebb, pinv, storkey, adaptive or multilayer", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
        Assert.Equal(2, CliRunner.Run("run", Chip("hnn64.yaml"), "--patterns", "65", "--out", dir).Code);
        Assert.Equal(2, CliRunner.Run("run", Chip("no-such.yaml"), "--out", dir).Code);
        Assert.False(Directory.Exists(dir));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Compare_json_has_the_published_shape_and_sensible_ratios()
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(["n", "sync", "async", "energy_ratio", "latency_reduction", "energy_ratio_per_iteration", "latency_reduction_per_iteration"], root.EnumerateObject().Select(p => p.Name).ToArray());
        foreach (string schedule in new[] { "sync", "async" })
        {
            var f = root.GetProperty(schedule);
            Assert.Equal(f.GetProperty("energy_j").GetDouble() / f.GetProperty("iterations").GetDouble(), f.GetProperty("energy_per_iteration_j").GetDouble(), 15);
            Assert.Equal(f.GetProperty("latency_ps").GetDouble() / f.GetProperty("iterations").GetDouble(), f.GetProperty("latency_per_iteration_ps").GetDouble(), 6);
            Assert.Equal(64 * f.GetProperty("iterations").GetDouble(), f.GetProperty("updates").GetDouble(), 9);
        }

        double perIteration = root.GetProperty("async").GetProperty("energy_per_iteration_j").GetDouble() / root.GetProperty("sync").GetProperty("energy_per_iteration_j").GetDouble();
        Assert.Equal(perIteration, root.GetProperty("energy_ratio_per_iteration").GetDouble(), 12);
        Assert.Equal(64, root.GetProperty("n").GetInt32());
        double ratio = root.GetProperty("energy_ratio").GetDouble();
        Assert.Equal(root.GetProperty("async").GetProperty("energy_j").GetDouble() / root.GetProperty("sync").GetProperty("energy_j").GetDouble(), ratio, 12);
        Assert.True(ratio > 1);
        Assert.InRange(root.GetProperty("latency_reduction").GetDouble(), 0, 1);
    }

    [Fact]
    public void Compare_grows_the_chip_with_n_and_prints_a_breakdown()
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--n", "128");
        Assert.True(code == 0, error);
        Assert.Contains("N = 128", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    adc +[0-9]", output);
        Assert.Contains("energy ratio", output, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("compare", Chip("hnn64.yaml"), "--n", "0").Code);
    }

    [Fact]
    public void Area_and_cost_tables_list_the_components()
    {
        var (code, output, _) = CliRunner.Run("area", Chip("hnn64.yaml"));
        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^  adc +[0-9]", output);
        Assert.Contains("total", output, StringComparison.Ordinal);
        (code, output, _) = CliRunner.Run("cost", Chip("hnn64.yaml"));
        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^  adc +convert +sar, 5 bit", output);
        Assert.Contains("column current charged in the ADC", output, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("area", Chip("missing.yaml")).Code);
    }
}

public class AdcWarningTests
{
    [Fact]
    public void A_configured_adc_beyond_the_physical_limit_is_warned_about_on_stderr()
    {
        // 8-bit NeuroSim SAR: 78.1 fJ / 256 = 0.31 fJ per conversion step, below the 1 fJ/step sanity limit.
        using var dir = new TempDir();
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("    bits: 5 ", "    bits: 8 ", StringComparison.Ordinal)
            .Replace("../devices/hnn64-rram.yaml", Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"), StringComparison.Ordinal);
        Assert.Contains("    bits: 8 ", yaml, StringComparison.Ordinal);
        string chip = Path.Combine(dir.Path, "hnn64-8bit.yaml");
        File.WriteAllText(chip, yaml);

        var (code, _, error) = CliRunner.Run("validate", chip);
        Assert.Equal(0, code);
        Assert.Contains("warning: adc_sar (neurosim) claims 0.305 fJ/conversion-step", error, StringComparison.Ordinal);
        Assert.Contains("warning", CliRunner.Run("cost", chip).Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, CliRunner.Run("cost", Path.Combine(RepoPaths.Chips, "hnn64.yaml")).Err);
    }
}

public class ScheduleAndProgramOptionTests
{
    private static string Chip(string name) => Path.Combine(RepoPaths.Chips, name);

    [Fact]
    public void Compare_lists_every_schedule_against_sync()
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--schedules", "sync,async,grouped:8", "--json", "--patterns", "2");
        Assert.True(code == 0, error);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var schedules = doc.RootElement.GetProperty("schedules").EnumerateArray().ToList();
        Assert.Equal(["sync", "async", "grouped:8"], schedules.Select(s => s.GetProperty("schedule").GetString()));
        Assert.Equal(1.0, schedules[0].GetProperty("energy_ratio_vs_sync").GetDouble());
        var sync = schedules[0];
        foreach (var s in schedules.Skip(1))
        {
            Assert.Equal(s.GetProperty("energy_j").GetDouble() / sync.GetProperty("energy_j").GetDouble(), s.GetProperty("energy_ratio_vs_sync").GetDouble(), 12);
            Assert.Equal(1 - (sync.GetProperty("latency_ps").GetDouble() / s.GetProperty("latency_ps").GetDouble()), s.GetProperty("latency_reduction_vs_sync").GetDouble(), 12);
        }

        // Grouped updates of 8 sit between the two published schemes on both axes.
        double E(int i) => schedules[i].GetProperty("energy_j").GetDouble();
        double T(int i) => schedules[i].GetProperty("latency_ps").GetDouble();
        Assert.InRange(E(2), E(0), E(1));
        Assert.InRange(T(2), T(0), T(1));

        var (same, pair, _) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--json", "--patterns", "2");
        Assert.Equal(0, same);
        using var pairDoc = System.Text.Json.JsonDocument.Parse(pair);
        Assert.Equal(E(1), pairDoc.RootElement.GetProperty("async").GetProperty("energy_j").GetDouble());
    }

    [Theory]
    [InlineData("grouped")]
    [InlineData("grouped:0")]
    [InlineData("sync:2")]
    [InlineData("round_robin")]
    [InlineData("sync,sync")]
    public void Bad_schedules_exit_2_with_a_message(string schedules)
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--schedules", schedules);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("engram compare: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_verify_programming_is_its_own_phase_in_stats_and_breakdown()
    {
        using var dir = new TempDir();
        string set = Path.Combine(dir.Path, "set"), verify = Path.Combine(dir.Path, "verify");
        Assert.Equal(0, CliRunner.Run("run", Chip("hnn64.yaml"), "--patterns", "2", "--out", set).Code);
        var (code, output, error) = CliRunner.Run("run", Chip("hnn64.yaml"), "--patterns", "2", "--program", "write-verify", "--out", verify);
        Assert.True(code == 0, error);
        Assert.Contains("programming", output, StringComparison.Ordinal);

        string stats = File.ReadAllText(Path.Combine(verify, "stats.txt"));
        Assert.Matches(@"(?m)^program\.energy +[0-9.E+-]+ +#", stats);
        Assert.Matches(@"(?m)^program\.pulses +[1-9]", stats);
        Assert.DoesNotContain("program.", File.ReadAllText(Path.Combine(set, "stats.txt")), StringComparison.Ordinal);
        string breakdown = File.ReadAllText(Path.Combine(verify, "breakdown.csv"));
        Assert.Contains("L0/b0.0/programmer,program_pulse,", breakdown, StringComparison.Ordinal);
        Assert.Contains("L0/b0.0/programmer,verify_read,", breakdown, StringComparison.Ordinal);
        Assert.Contains("\"L0/b0.0/programmer\"", File.ReadAllText(Path.Combine(verify, "trace.json")), StringComparison.Ordinal);

        // hnn64 leaks nothing, so the ledger's total is the programming phase plus the recalls.
        double Stat(string folder, string name) => double.Parse(File.ReadLines(Path.Combine(folder, "stats.txt")).First(l => l.StartsWith(name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        double total = Stat(verify, "ledger.energy"), program = Stat(verify, "program.energy"), perRecall = Stat(verify, "recall.energyPerRecall");
        Assert.True(program > 0);
        Assert.Equal(1, (program + (2 * perRecall)) / total, 9);
        Assert.Equal(2, CliRunner.Run("run", Chip("hnn64.yaml"), "--program", "pulse", "--out", Path.Combine(dir.Path, "x")).Code);
    }
}
