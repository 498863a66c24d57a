using Engram.Components.Arch;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// One design point: its position in the sweep's stable order, a content hash that identifies it across runs and
/// shards, the axis values that make it, and the chip and workload they give (validated when the sweep file was read;
/// the workload is the file's own unless an axis sets one of its options).
/// </summary>
public sealed record SweepPoint(int Index, string Id, IReadOnlyList<SweepValue> Values, ChipSpec Chip, SweepWorkload Workload)
{
    /// <summary>"path=value, path=value" for progress lines and error messages.</summary>
    public string Describe(IReadOnlyList<SweepAxis> axes) =>
        string.Join(", ", axes.Select((a, i) => $"{a.KeyPath}={Values[i].Text}"));
}
