namespace Engram.Models.Costs;

/// <summary>
/// ISAAC's crossbar: 0.3 mW per 100 ns read of a 128×128 array of 2-bit cells, 25 µm². ISAAC gives no
/// per-state figure, so every cell of a read array is charged the same share (0.3 mW·100 ns / 128²).
/// </summary>
public sealed class IsaacCrossbarCost : ComponentCostModel
{
    public const string ReadOn = "read_on";
    public const string ReadOff = "read_off";

    private static readonly string[] ActionNames = [ReadOn, ReadOff];

    private readonly double _perCellEnergyJ;
    private readonly double _perCellAreaUm2;

    public IsaacCrossbarCost(double nodeNm)
        : base("cell", IsaacReference.Profile, nodeNm, IsaacReference.NodeNm)
    {
        var src = IsaacReference.Figure("128x128 crossbar (2-bit cells): 0.3 mW per 100 ns read, 25 um^2", "per cell = /16384; Stillmaker-Baas scaling from 32 nm");
        double powerW = Cite("ArrayReadPowerW", 0.3e-3, CostUnit.Watt, src);
        ReadPulsePs = Cite(nameof(ReadPulsePs), IsaacReference.InputCyclePs, CostUnit.Picosecond, src) * LatencyScale;
        double areaUm2 = Cite("ArrayAreaUm2", 25, CostUnit.SquareMicrometer, src);
        const int cells = 128 * 128;
        ArrayReadEnergyJ = powerW * IsaacReference.InputCyclePs * 1e-12 * EnergyScale;
        _perCellEnergyJ = ArrayReadEnergyJ / cells;
        _perCellAreaUm2 = areaUm2 / cells * AreaScale;
    }

    public double ReadPulsePs { get; }

    /// <summary>One read of the whole 128×128 array.</summary>
    public double ArrayReadEnergyJ { get; }

    public double PerCellReadEnergyJ => _perCellEnergyJ;

    public override double AreaUm2 => _perCellAreaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public override ActionCost Cost(string action) => action switch
    {
        ReadOn or ReadOff => new(_perCellEnergyJ, ReadPulsePs),
        _ => throw UnknownAction(action),
    };
}
