using System.Globalization;

namespace Engram.Workloads.Sweeps;

/// <summary>Which shard of a sweep this process runs: shard <see cref="Index"/> of <see cref="Count"/> takes every point whose index ≡ Index (mod Count).</summary>
public sealed record Shard(int Index, int Count, string Source)
{
    public bool Takes(SweepPoint point) => point.Index % Count == Index;
}

/// <summary>
/// Resolves the shard from the command line, else from the scheduler's environment, so one command line serves a
/// laptop, a Slurm job array and a Kubernetes Indexed Job alike: <c>--shard/--shards</c>, then
/// <c>SLURM_ARRAY_TASK_ID</c> (count <c>SLURM_ARRAY_TASK_COUNT</c>, offset by <c>SLURM_ARRAY_TASK_MIN</c> so an array
/// 1-4 works too), then <c>JOB_COMPLETION_INDEX</c> (count from <c>--shards</c>: Kubernetes does not export it), then 0 of 1.
/// </summary>
public static class ShardSelector
{
    /// <summary>Throws <see cref="ArgumentException"/> on an inconsistent or malformed choice.</summary>
    public static Shard Resolve(int? shard, int? shards, Func<string, string?> environment)
    {
        if (shard is int i)
        {
            int n = shards ?? throw new ArgumentException("--shard needs --shards");
            return Checked(i, n, "--shard/--shards");
        }

        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } task)
        {
            int id = Parse(task, "SLURM_ARRAY_TASK_ID");
            int min = environment("SLURM_ARRAY_TASK_MIN") is { Length: > 0 } m ? Parse(m, "SLURM_ARRAY_TASK_MIN") : 0;
            int count = shards ?? (environment("SLURM_ARRAY_TASK_COUNT") is { Length: > 0 } c
                ? Parse(c, "SLURM_ARRAY_TASK_COUNT")
                : throw new ArgumentException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shards"));
            return Checked(id - min, count, "SLURM_ARRAY_TASK_ID");
        }

        if (environment("JOB_COMPLETION_INDEX") is { Length: > 0 } index)
        {
            int count = shards ?? throw new ArgumentException("JOB_COMPLETION_INDEX is set: pass --shards (the job's completions)");
            return Checked(Parse(index, "JOB_COMPLETION_INDEX"), count, "JOB_COMPLETION_INDEX");
        }

        return shards is int only && only != 1
            ? throw new ArgumentException("--shards without --shard (or a scheduler's task index) runs no defined shard")
            : new Shard(0, 1, "default");
    }

    private static Shard Checked(int index, int count, string source)
    {
        if (count < 1)
        {
            throw new ArgumentException($"{source}: the shard count must be at least 1, got {count}");
        }

        return index >= 0 && index < count
            ? new Shard(index, count, source)
            : throw new ArgumentException($"{source}: shard {index} is not in 0..{count - 1}");
    }

    private static int Parse(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ArgumentException($"{name} must be a non-negative integer, got '{text}'");
}
