namespace Engram.Components.Ledger;

/// <summary>All charges of one action of one component folded together; busy time sums the charged intervals.</summary>
public sealed record LedgerRow(string ComponentPath, string Action, long Count, double EnergyJ, long BusyPs);
