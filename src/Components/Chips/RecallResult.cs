namespace Engram.Components.Chips;

/// <summary>One recall on the chip: the state it settled in and what it cost.</summary>
/// <param name="Iterations">Synchronous iterations, or asynchronous sweeps of N updates, including the last one that changed nothing.</param>
/// <param name="Updates">Neuron updates performed (N per iteration or sweep).</param>
public sealed record RecallResult(double[] FinalState, int Iterations, long Updates, bool Converged, double EnergyJ, long LatencyPs);
