using System.Diagnostics;
using System.Reflection;

namespace Engram.Workloads.Sweeps;

/// <summary>What one <see cref="SweepRunner.Run"/> did.</summary>
public sealed record SweepRunSummary(Shard Shard, int ShardPoints, int Skipped, int Ran, string JournalPath);

/// <summary>
/// Runs one shard of a sweep into an output folder: writes (or checks) the manifest, skips points its journal
/// already holds, and runs the rest, <c>jobs</c> at a time, appending each result as it finishes. Results depend
/// only on the points, never on the order they finish in, so any jobs and shard count merge to the same CSV.
/// </summary>
public static class SweepRunner
{
    private static readonly string Version =
        typeof(SweepRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static SweepRunSummary Run(SweepFile sweep, string outDir, Shard shard, int jobs, Action<SweepProgress>? progress = null)
    {
        if (jobs < 1)
        {
            throw new ArgumentException($"--jobs must be at least 1, got {jobs}");
        }

        Directory.CreateDirectory(outDir);
        SweepManifest.Of(sweep).WriteOrCheck(outDir);
        string journalPath = Path.Combine(outDir, ResultsJournal.FileName(shard.Index));
        using var journal = ResultsJournal.Open(journalPath, sweep.Hash);
        var mine = sweep.Points.Where(shard.Takes).ToList();
        var pending = mine.Where(p => !journal.Done.Contains(p.Id)).ToList();
        int skipped = mine.Count - pending.Count;
        int done = skipped;
        int ran = 0;

        // Threads inside a point share the machine with the other jobs.
        int threads = Math.Max(1, Environment.ProcessorCount / jobs);
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        var gate = new Lock();
        try
        {
            Parallel.ForEach(pending, options, point =>
            {
                var result = RunPoint(sweep, point, threads);
                if (journal.Append(result))
                {
                    // Serialised, so progress sees the count rise by one each call.
                    lock (gate)
                    {
                        done++;
                        ran++;
                        progress?.Invoke(new SweepProgress(done, mine.Count, point, point.Describe(sweep.Axes), TimeSpan.FromSeconds(result.WallSeconds)));
                    }
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // The first failure as itself; the points finished before it are in the journal and are skipped next time.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            throw;
        }

        return new SweepRunSummary(shard, mine.Count, skipped, ran, journalPath);
    }

    private static SweepResult RunPoint(SweepFile sweep, SweepPoint point, int threads)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, double> metrics;
        try
        {
            metrics = point.Workload.Run(point.Chip, threads);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new SweepPointException(point, point.Describe(sweep.Axes), ex);
        }

        return new SweepResult
        {
            Sweep = sweep.Hash,
            Index = point.Index,
            Id = point.Id,
            Axes = sweep.Axes.Select((a, i) => (a.KeyPath, point.Values[i].Text)).ToDictionary(StringComparer.Ordinal),
            Metrics = sweep.Metrics.ToDictionary(m => m, m => metrics[m], StringComparer.Ordinal),
            WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            Version = Version,
        };
    }
}
