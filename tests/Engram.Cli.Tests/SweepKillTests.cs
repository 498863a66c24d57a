using System.Diagnostics;
using Engram.Workloads.Sweeps;
using Engram.Workloads.Tests.Sweeps;

namespace Engram.Cli.Tests;

/// <summary>
/// engram sweep is killed with SIGKILL at 20 random moments and resumed each time; the merged result must hold
/// every point exactly once and equal an uninterrupted run. The kill moments are drawn over the length of an
/// uninterrupted child run (measured here, not asserted), so they fall in start-up, mid-point and mid-append alike.
/// </summary>
public class SweepKillTests
{
    private const int Kills = 20;

    [Fact]
    public void Killed_twenty_times_and_resumed_the_sweep_equals_an_uninterrupted_run()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: kill
            chip: {{SweepFixtures.Chip}}
            axes:
              periphery.adc.bits: [4, 5, 6, 8]
              periphery.adc.columns_per_adc: [1, 2, 4, 8, 16]
            workload: { kind: compare, patterns: 4, seed: 7 }
            metrics: [sync_energy_j, sync_latency_ps, async_energy_j, async_latency_ps, area_um2]
            """;
        string sweep = SweepFixtures.Write(dir, yaml);
        string reference = dir.Combine("reference");
        var clock = Stopwatch.StartNew();
        var whole = EngramProcess.Run(["sweep", sweep, "--out", reference, "--jobs", "2", "--quiet"]);
        double span = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(0, whole.Code);

        string killed = dir.Combine("killed");
        var random = new Random(12345);
        int killedMidRun = 0;
        for (int k = 0; k < Kills; k++)
        {
            using var process = Process.Start(EngramProcess.StartInfo(["sweep", sweep, "--out", killed, "--jobs", "2", "--quiet"]))!;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            Thread.Sleep(random.Next(0, (int)Math.Max(50, span)));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL on Linux: no handler runs, files are left as they are.
                killedMidRun++;
            }

            process.WaitForExit();
        }

        var resumed = EngramProcess.Run(["sweep", sweep, "--out", killed, "--jobs", "2", "--quiet"]);
        Assert.Equal(0, resumed.Code);
        Assert.True(killedMidRun > 0, "no kill landed while the sweep ran");

        var journal = ResultsJournal.Read(Path.Combine(killed, "results-0.jsonl"));
        Assert.Equal(20, journal.Count);
        Assert.Equal(20, journal.Select(r => r.Id).Distinct().Count());
        Assert.Equal(SweepMerge.Csv(SweepMerge.Read(reference)), SweepMerge.Csv(SweepMerge.Read(killed)));
    }
}
