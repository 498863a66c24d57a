namespace Engram.Workloads.Sweeps;

/// <summary>
/// A validated sweep file (<c>arch/sweeps/*.yaml</c>): the base chip, the axes and how they combine, the workload
/// and the metrics to record, and every point already enumerated. Read it with <see cref="SweepReader.Load"/>.
/// </summary>
public sealed record SweepFile
{
    public required string File { get; init; }

    public required string Name { get; init; }

    /// <summary>The base chip file, resolved against the sweep file's folder.</summary>
    public required string ChipFile { get; init; }

    public required SweepCombine Combine { get; init; }

    public required IReadOnlyList<SweepAxis> Axes { get; init; }

    public required SweepWorkload Workload { get; init; }

    /// <summary>Metric names in the order the CSV lists them (a subset of the workload's <see cref="SweepWorkload.Metrics"/>).</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    public required IReadOnlyList<SweepPoint> Points { get; init; }

    /// <summary>Hash of everything that decides the results (chip text, workload, metrics, point ids): shards of different sweeps never mix.</summary>
    public required string Hash { get; init; }
}
