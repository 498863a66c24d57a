using System.Globalization;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// A merged sweep: one row per point in point order, axes then metrics. <see cref="Missing"/> lists the points
/// no shard has finished yet.
/// </summary>
public sealed record SweepTable(SweepManifest Manifest, IReadOnlyList<SweepResult> Rows, IReadOnlyList<ManifestPoint> Missing)
{
    /// <summary>"point 5 (a=1, b=2)" for messages about a point.</summary>
    public string Describe(ManifestPoint point) =>
        $"point {point.Index} ({string.Join(", ", Manifest.Axes.Select((a, i) => $"{a}={point.Values[i]}"))})";

    /// <summary>True when every value of the axis parses as a number (so it plots and types as one).</summary>
    public bool IsNumericAxis(int axis) =>
        Manifest.Points.All(p => double.TryParse(p.Values[axis], NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>True when every value of the axis is an integer.</summary>
    public bool IsIntegerAxis(int axis) =>
        Manifest.Points.All(p => long.TryParse(p.Values[axis], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
}
