namespace Engram.Models.Devices;

/// <summary>Outcome of a write-verify: programming pulses spent (they drive write energy), convergence, final conductance.</summary>
public readonly record struct WriteVerifyResult(int Pulses, int VerifyReads, bool Converged, double FinalConductanceS);
