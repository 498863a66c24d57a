using Engram.Components.Ledger;
using Engram.Sim.Resources;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// One array-sized weight block in hardware: its crossbar, the row drivers of its word lines and the converters
/// of its bit lines (a kernel resource its columns queue for). Its ledger paths are
/// <c>{Path}/crossbar</c>, <c>{Path}/row_driver</c>, <c>{Path}/adc</c> and <c>{Path}/programmer</c>.
/// </summary>
public sealed class Macro(string path, CrossbarArray crossbar, Resource adcs, int crossbarComponent, int rowDriverComponent, int adcComponent, int programmerComponent)
{
    public string Path { get; } = path;

    public CrossbarArray Crossbar { get; } = crossbar;

    public Resource Adcs { get; } = adcs;

    public int CrossbarComponent { get; } = crossbarComponent;

    public int RowDriverComponent { get; } = rowDriverComponent;

    public int AdcComponent { get; } = adcComponent;

    public int ProgrammerComponent { get; } = programmerComponent;

    // The ledger aggregates of the charges every read of the macro makes, kept from their first charge: an
    // asynchronous update reads a macro of every row block, and looking each pair up again would cost more than the charge.
    internal LedgerSlot DriveRowSlot;
    internal LedgerSlot ReadSlot;
    internal LedgerSlot WireLossSlot;
    internal LedgerSlot ConvertSlot;

    /// <summary>Row drives of one read: every word line of every physical array.</summary>
    public int Drives => Crossbar.Rows * Crossbar.ArrayCount;

    public int ActiveDrives => Crossbar.ActiveRows * Crossbar.ArrayCount;

    public static string PathOf(int layer, int rowBlock, int colBlock) => $"L{layer}/b{rowBlock}.{colBlock}";
}
