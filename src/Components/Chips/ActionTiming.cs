namespace Engram.Components.Chips;

/// <summary>The energy of one action and the whole clock cycles it occupies.</summary>
public readonly record struct ActionTiming(double EnergyJ, int Cycles);
