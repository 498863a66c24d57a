using Engram.Components.Arch;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// One design point: its position in the sweep's stable order, a content hash that identifies it across runs and
/// shards, the axis values that make it, and the chip they give (validated when the sweep file was read).
/// </summary>
public sealed record SweepPoint(int Index, string Id, IReadOnlyList<SweepValue> Values, ChipSpec Chip)
{
    /// <summary>"path=value, path=value" for progress lines and error messages.</summary>
    public string Describe(IReadOnlyList<SweepAxis> axes) =>
        string.Join(", ", axes.Select((a, i) => $"{a.KeyPath}={Values[i].Text}"));
}
