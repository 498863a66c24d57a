using Engram.Workloads.Tests.Sweeps;

namespace Engram.Cli.Tests;

/// <summary>
/// scripts/slurm/submit.sh on a real Slurm: a 4-task job array runs the shards and a dependent job merges them; the
/// merged CSV must equal the single-process sweep's byte for byte. Runs when <c>sinfo</c> reaches a cluster
/// (.ci/run starts one with scripts/slurm/local-cluster.sh); under CI=true a missing cluster is a failure.
/// </summary>
public class SlurmArrayTests
{
    [Fact]
    public void A_four_task_array_merges_to_the_single_process_csv()
    {
        if (!ClusterAvailable(out string why))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"CI must run the Slurm test, but {why}");
            return;
        }

        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        string single = dir.Combine("single");
        Assert.Equal(0, CliRunner.Run("sweep", sweep, "--out", single, "--quiet").Code);
        Assert.Equal(0, CliRunner.Run("merge", single).Code);

        string array = dir.Combine("array");
        string submit = Path.Combine(RepoPaths.Root, "scripts", "slurm", "submit.sh");
        var (code, output, err) = EngramProcess.Tool("bash", [submit, sweep, array, "4", "--wait"],
            new Dictionary<string, string?> { ["ENGRAM"] = EngramProcess.CommandLine }, workingDirectory: dir.Path);
        string logs = string.Join("\n", Directory.Exists(array) ? Directory.GetFiles(array, "slurm-*.out").Select(f => $"{Path.GetFileName(f)}: {File.ReadAllText(f)}") : []);
        Assert.True(code == 0, $"submit.sh exited {code}\n{output}\n{err}\n{logs}");
        Assert.Equal(4, Directory.GetFiles(array, "results-*.jsonl").Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(single, "sweep.csv")), File.ReadAllBytes(Path.Combine(array, "sweep.csv")));
        Assert.True(File.Exists(Path.Combine(array, "report.html")));
    }

    private static bool ClusterAvailable(out string why)
    {
        try
        {
            var (code, output, err) = EngramProcess.Tool("sinfo", ["-h", "-o", "%T"]);
            why = $"sinfo exited {code}: {err.Trim()}";
            return code == 0 && (output.Contains("idle", StringComparison.Ordinal) || output.Contains("mix", StringComparison.Ordinal));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            why = $"sinfo cannot run ({ex.Message}): install slurm-client, or run .ci/run";
            return false;
        }
    }
}
