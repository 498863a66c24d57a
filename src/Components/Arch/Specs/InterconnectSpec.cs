namespace Engram.Components.Arch;

/// <summary><c>interconnect</c>: how partial sums travel from arrays to the adder trees (wire length per hop, bits per value).</summary>
public sealed record InterconnectSpec(double HopLengthUm, int PartialSumBits, int HopCycles)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("interconnect.hop_length_um", "µm", "≥ 0", "—", "wire length per hop"),
        new("interconnect.partial_sum_bits", "bits", "[1, 64]", "—", "width of a partial sum on the wires"),
        new("interconnect.hop_cycles", "cycles", "≥ 0", "—", "latency per hop (cycles of the interconnect's clock)"),
    ];

    public static InterconnectSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("hop_length_um", "partial_sum_bits", "hop_cycles");
        var spec = new InterconnectSpec(
            map.RequireDouble("hop_length_um", 0),
            map.RequireInt("partial_sum_bits", 1, 64),
            map.RequireInt("hop_cycles", 0));
        map.EnsureNoUnknownKeys();
        return spec;
    }
}
