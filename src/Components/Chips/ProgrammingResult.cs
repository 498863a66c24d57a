namespace Engram.Components.Chips;

/// <summary>What a write-verify programming of a layer cost: pulses, verify reads, cells that missed the tolerance, time and energy.</summary>
public sealed record ProgrammingResult(long Pulses, long VerifyReads, long Unconverged, long LatencyPs, double EnergyJ);
