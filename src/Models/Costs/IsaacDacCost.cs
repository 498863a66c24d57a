namespace Engram.Models.Costs;

/// <summary>ISAAC's 1-bit DAC (row driver): 3.9 µW, 0.166 µm², 0.42 pJ per 100 ns input cycle whatever the input bit.</summary>
public sealed class IsaacDacCost : ComponentCostModel
{
    public const string DriveRow = "drive_row";
    public const string DriveRowOne = "drive_row_one";

    private static readonly string[] ActionNames = [DriveRow, DriveRowOne];

    private readonly double _energyJ;
    private readonly double _areaUm2;

    public IsaacDacCost(double nodeNm)
        : base("row_driver", IsaacReference.Profile, nodeNm, IsaacReference.NodeNm)
    {
        var src = IsaacReference.Figure("1-bit DAC: 3.9 uW, 0.166 um^2, 0.42 pJ per 100 ns input cycle", "Stillmaker-Baas scaling from 32 nm");
        _energyJ = Cite("CycleEnergyJ", 0.42e-12, CostUnit.Joule, src) * EnergyScale;
        Cite("AveragePowerW", 3.9e-6, CostUnit.Watt, src);
        _areaUm2 = Cite("DacAreaUm2", 0.166, CostUnit.SquareMicrometer, src) * AreaScale;
        InputCyclePs = Cite(nameof(InputCyclePs), IsaacReference.InputCyclePs, CostUnit.Picosecond, src) * LatencyScale;
    }

    public double InputCyclePs { get; }

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public override ActionCost Cost(string action) => action switch
    {
        DriveRow or DriveRowOne => new(_energyJ, InputCyclePs),
        _ => throw UnknownAction(action),
    };
}
