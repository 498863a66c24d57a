namespace Engram.Components.Chips;

/// <summary>What a write-verify programming of a layer cost: pulses, verify reads, cells that missed the tolerance, time and energy.</summary>
public sealed record ProgrammingResult
{
    public long Pulses { get; set; }

    public long VerifyReads { get; set; }

    public long Unconverged { get; set; }

    public long LatencyPs { get; init; }

    public double EnergyJ { get; init; }
}
