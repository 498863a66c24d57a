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

    /// <summary>Row drives of one read: every word line of every physical array.</summary>
    public int Drives => Crossbar.Rows * Crossbar.Arrays.Count;

    public int ActiveDrives => Crossbar.ActiveRows * Crossbar.Arrays.Count;

    public static string PathOf(int layer, int rowBlock, int colBlock) => $"L{layer}/b{rowBlock}.{colBlock}";
}
