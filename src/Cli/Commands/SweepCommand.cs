using System.CommandLine;
using Engram.Components.Arch;
using Engram.Workloads.Sweeps;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram sweep FILE --out DIR [--jobs J] [--shard i --shards n]</c>: runs one shard of a sweep file, appending
/// each finished point to DIR/results-&lt;shard&gt;.jsonl; a re-run resumes where the last one stopped.
/// </summary>
public static class SweepCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("file") { Description = "sweep YAML (arch/sweeps/*.yaml)" };
        var outDir = new Option<string>("--out") { Description = "output folder shared by all shards (created; resumed when it holds this sweep)", Required = true };
        var jobs = new Option<int>("--jobs") { Description = "points run in parallel in this process", DefaultValueFactory = _ => 1 };
        var shard = new Option<int?>("--shard") { Description = "shard index i (default SLURM_ARRAY_TASK_ID, then JOB_COMPLETION_INDEX, then 0)" };
        var shards = new Option<int?>("--shards") { Description = "shard count n (default SLURM_ARRAY_TASK_COUNT, else 1); shard i runs points i, i+n, i+2n, .." };
        var quiet = new Option<bool>("--quiet") { Description = "no progress on stderr" };
        var command = new Command("sweep", "Run (one shard of) a design-space sweep; resumable.") { file, outDir, jobs, shard, shards, quiet };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string path = parse.GetValue(file)!;
            SweepFile sweep;
            Shard selected;
            try
            {
                sweep = SweepReader.Load(path);
                selected = ShardSelector.Resolve(parse.GetValue(shard), parse.GetValue(shards), Environment.GetEnvironmentVariable);
                if (parse.GetValue(jobs) < 1)
                {
                    throw new ArgumentException($"--jobs must be at least 1, got {parse.GetValue(jobs)}");
                }
            }
            catch (ArchException ex)
            {
                error.WriteLine(ex.Message);
                return ChipInput.BadInput;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"engram sweep: {ex.Message}");
                return ChipInput.BadInput;
            }

            string dir = parse.GetValue(outDir)!;
            int mine = sweep.Points.Count(selected.Takes);
            var display = ProgressDisplay.For(error, parse.GetValue(quiet), "sweep", "points");
            SweepRunSummary summary;
            try
            {
                summary = display.Run(mine, 0, report =>
                    SweepRunner.Run(sweep, dir, selected, parse.GetValue(jobs), p => report(p.Done, p.PointTime, $"point {p.Point.Index} ({p.Description})")));
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // Another sweep's folder or journal, or a folder that cannot be written (or a shard already running).
                error.WriteLine($"engram sweep: {ex.Message}");
                return ChipInput.BadInput;
            }
            catch (SweepPointException ex)
            {
                error.WriteLine($"engram sweep: {ex.Message}; the points finished so far are kept, a re-run resumes");
                return 1;
            }

            output.WriteLine($"sweep {sweep.Name}: shard {selected.Index} of {selected.Count} ({selected.Source}): {summary.ShardPoints} of {sweep.Points.Count} points, " +
                $"{summary.Skipped} already done, {summary.Ran} run -> {summary.JournalPath}");
            return 0;
        });
        return command;
    }
}
