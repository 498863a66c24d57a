namespace Engram.Workloads.Recall;

/// <summary>Per-recall means of one schedule, with energy per component kind.</summary>
public sealed record ScheduleFigures(double EnergyJ, double LatencyPs, double Iterations, double ExactFraction, IReadOnlyDictionary<string, double> EnergyByKindJ);
