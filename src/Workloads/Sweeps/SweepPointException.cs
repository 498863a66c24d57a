namespace Engram.Workloads.Sweeps;

/// <summary>A point's workload failed; the message names the point so it can be found in the sweep file.</summary>
public sealed class SweepPointException(SweepPoint point, string description, Exception inner)
    : Exception($"point {point.Index} ({description}) failed: {inner.Message}", inner)
{
    public SweepPoint Point { get; } = point;
}
