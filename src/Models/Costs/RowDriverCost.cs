namespace Engram.Models.Costs;

/// <summary>
/// Row driver (1-bit DAC) of the NeuroSim profile: a fixed energy per row per read and an extra share
/// when the row's input is 1. Its settling hides inside the read pulse (NeuroSim's 2.0 ns minimum read
/// cycle = 1 ns pulse + 1 ns flash conversion), so it adds no latency of its own.
/// </summary>
public sealed class RowDriverCost : ComponentCostModel
{
    public const string DriveRow = "drive_row";
    public const string DriveRowOne = "drive_row_one";

    private static readonly string[] ActionNames = [DriveRow, DriveRowOne];

    private readonly double _baseEnergyJ;
    private readonly double _oneEnergyJ;
    private readonly double _areaPerRowUm2;

    public RowDriverCost(double nodeNm, string profile = NeuroSimReference.Profile)
        : base("row_driver", profile, nodeNm, NeuroSimReference.NodeNm)
    {
        string scaling = ScalingNote;
        _baseEnergyJ = Cite("DriveEnergyJ", 5.1e-15, CostUnit.Joule, NeuroSimReference.Figure("row driver 5.1 fJ per row per read", scaling)) * EnergyScale;
        _oneEnergyJ = Cite("InputOneExtraEnergyJ", 2.1e-15, CostUnit.Joule, NeuroSimReference.Figure("+2.1 fJ when the input is 1", scaling)) * EnergyScale;
        double area128 = Cite("Area128RowsUm2", 241, CostUnit.SquareMicrometer, NeuroSimReference.Figure("row-driver area 241 um^2 for 128 rows", scaling + ", per row = /128"));
        Cite("WordLineCapacitance128F", 47e-15, CostUnit.Farad, NeuroSimReference.Figure("word-line capacitance 47 fF for 128 cells (behind the 5.1 fJ)"));
        _areaPerRowUm2 = area128 / 128 * AreaScale;
    }

    /// <summary>Driver area per row.</summary>
    public override double AreaUm2 => _areaPerRowUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    /// <summary>Energy of driving one row for one read with the given input bit.</summary>
    public double DriveEnergyJ(bool inputOne) => inputOne ? _baseEnergyJ + _oneEnergyJ : _baseEnergyJ;

    public override ActionCost Cost(string action) => action switch
    {
        DriveRow => new(DriveEnergyJ(false), 0),
        DriveRowOne => new(DriveEnergyJ(true), 0),
        _ => throw UnknownAction(action),
    };
}
