namespace Engram.Workloads.Sweeps;

/// <summary>A finished point, reported to whoever shows progress: <see cref="Done"/> of <see cref="Total"/> in this shard (skipped points count as done).</summary>
public sealed record SweepProgress(int Done, int Total, SweepPoint Point, string Description, TimeSpan PointTime);
