namespace Engram.Workloads.Traces;

/// <summary>One busy interval of one action of one component, in picoseconds, with the energy it cost.</summary>
public readonly record struct TraceSlice(string ComponentPath, string Action, long StartPs, long DurationPs, double EnergyJ, long Count);
