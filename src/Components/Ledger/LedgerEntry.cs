namespace Engram.Components.Ledger;

/// <summary>
/// One charge: <paramref name="Count"/> repetitions of an action by a component, their total energy, and
/// the simulated interval they occupied. Component and action are interned ids of the <see cref="EnergyLedger"/>.
/// </summary>
public readonly record struct LedgerEntry(int Component, int Action, long Count, double EnergyJ, long StartTick, long DurationTicks);
