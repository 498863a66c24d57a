using System.Text.RegularExpressions;
using Engram.Workloads.Tests.Sweeps;

namespace Engram.Cli.Tests;

public class SweepCommandTests
{
    public static TheoryData<string> Broken => BrokenSweep.Names();

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_sweep_file_exits_2_naming_file_line_and_key_and_writes_nothing(string name)
    {
        var broken = BrokenSweep.Named(name);
        using var dir = new TempDir();
        string outDir = dir.Combine("out");
        var (code, _, err) = CliRunner.Run("sweep", broken.Path, "--out", outDir);
        Assert.Equal(2, code);
        Assert.StartsWith($"{broken.Path}:{broken.Line}:", err, StringComparison.Ordinal);
        Assert.Contains($": {broken.KeyPath}: ", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Without_a_terminal_each_finished_point_is_one_plain_line_on_stderr()
    {
        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        var (code, output, err) = CliRunner.Run("sweep", sweep, "--out", dir.Combine("out"), "--jobs", "2");
        Assert.Equal(0, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var format = new Regex(@"^sweep: (\d)/6 points done \(\d+\.\d\d s\): point (\d) \(periphery\.adc\.bits=[46], periphery\.adc\.columns_per_adc=[148]\)$");
        Assert.All(lines, l => Assert.Matches(format, l));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], lines.Select(l => format.Match(l).Groups[1].Value));
        Assert.Equal(6, lines.Select(l => format.Match(l).Groups[2].Value).Distinct().Count());
        Assert.DoesNotContain('\u001b', err);
        Assert.Contains("sweep small: shard 0 of 1 (default): 6 of 6 points, 0 already done, 6 run", output, StringComparison.Ordinal);

        // The re-run finds every point done: nothing to report, nothing run.
        var again = CliRunner.Run("sweep", sweep, "--out", dir.Combine("out"));
        Assert.Equal("", again.Err);
        Assert.Contains("6 already done, 0 run", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_prints_no_progress()
    {
        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        var (code, _, err) = CliRunner.Run("sweep", sweep, "--out", dir.Combine("out"), "--quiet");
        Assert.Equal(0, code);
        Assert.Equal("", err);
    }

    [Fact]
    public void Merge_names_missing_points_and_writes_only_when_complete()
    {
        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        string outDir = dir.Combine("out");
        Assert.Equal(0, CliRunner.Run("sweep", sweep, "--out", outDir, "--shard", "0", "--shards", "3", "--quiet").Code);
        var (code, _, err) = CliRunner.Run("merge", outDir);
        Assert.Equal(3, code);
        Assert.Contains("4 of 6 points are missing", err, StringComparison.Ordinal);
        Assert.Contains("point 1 (periphery.adc.bits=4, periphery.adc.columns_per_adc=4)", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, "sweep.csv")));

        Assert.Equal(0, CliRunner.Run("merge", outDir, "--allow-missing").Code);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Length);

        for (int i = 1; i < 3; i++)
        {
            Assert.Equal(0, CliRunner.Run("sweep", sweep, "--out", outDir, "--shard", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "--shards", "3", "--quiet").Code);
        }

        Assert.Equal(0, CliRunner.Run("merge", outDir).Code);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Length);
        Assert.True(File.Exists(Path.Combine(outDir, "sweep.parquet")));
        Assert.Equal(0, CliRunner.Run("report", outDir).Code);
        Assert.Contains("<figure id=\"fig-pareto\"", File.ReadAllText(Path.Combine(outDir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_folder_of_another_sweep_is_refused()
    {
        using var dir = new TempDir();
        string outDir = dir.Combine("out");
        Assert.Equal(0, CliRunner.Run("sweep", SweepFixtures.Write(dir, SweepFixtures.SmallYaml("a"), "a.yaml"), "--out", outDir, "--quiet").Code);
        var (code, _, err) = CliRunner.Run("sweep", SweepFixtures.Write(dir, SweepFixtures.SmallYaml("b"), "b.yaml"), "--out", outDir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("holds sweep 'a'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shard_comes_from_the_slurm_array_environment()
    {
        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        string outDir = dir.Combine("out");
        var (code, output, _) = EngramProcess.Run(["sweep", sweep, "--out", outDir, "--quiet"],
            new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "2" });
        Assert.Equal(0, code);
        Assert.Contains("shard 1 of 2 (SLURM_ARRAY_TASK_ID): 3 of 6 points", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "results-1.jsonl")));

        (code, output, _) = EngramProcess.Run(["sweep", sweep, "--out", outDir, "--quiet", "--shards", "2"],
            new Dictionary<string, string?> { ["JOB_COMPLETION_INDEX"] = "0" });
        Assert.Equal(0, code);
        Assert.Contains("shard 0 of 2 (JOB_COMPLETION_INDEX)", output, StringComparison.Ordinal);
        Assert.Empty(Workloads.Sweeps.SweepMerge.Read(outDir).Missing);
    }

    [Fact]
    public void Capacity_and_scaling_print_one_plain_line_per_finished_unit()
    {
        var (code, _, err) = CliRunner.Run("capacity", "--rule", "hebb", "--n", "16", "--faults", "0,0.1", "--grid", "2,4,6", "--trials", "2");
        Assert.Equal(0, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        var format = new Regex(@"^capacity: (\d)/6 grid points done \(\d+\.\d\d s\): fault rate (0|0\.1), P = [246]$");
        Assert.All(lines, l => Assert.Matches(format, l));
        Assert.Equal(["1", "2", "3", "4", "5", "6"], lines.Select(l => format.Match(l).Groups[1].Value));
        Assert.Equal("", CliRunner.Run("capacity", "--rule", "hebb", "--n", "16", "--grid", "2", "--trials", "1", "--quiet").Err);

        (code, _, err) = CliRunner.Run("scaling", "--rule", "hebb", "--n", "16,32", "--grid", "1:16:1", "--trials", "2", "--tau", "0.9");
        Assert.Equal(0, code);
        Assert.Matches(new Regex(@"^scaling: 1/2 sizes done \(\d+\.\d\d s\): N = 16\nscaling: 2/2 sizes done \(\d+\.\d\d s\): N = 32\n"), err.Replace("\r", "", StringComparison.Ordinal));
    }
}
