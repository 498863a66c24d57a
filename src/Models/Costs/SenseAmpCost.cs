namespace Engram.Models.Costs;

/// <summary>1-bit current sense amplifier (a sign neuron): a fixed energy plus a share per ON cell it senses.</summary>
public sealed class SenseAmpCost : ComponentCostModel
{
    public const string Sense = "sense";

    private static readonly string[] ActionNames = [Sense];

    private readonly double _energyJ;
    private readonly double _perOnCellJ;
    private readonly double _areaUm2;
    private readonly double _latencyPs;

    public SenseAmpCost(double nodeNm, string profile = NeuroSimReference.Profile)
        : base("sense_amp", profile, nodeNm, NeuroSimReference.NodeNm)
    {
        const string scaling = "Stillmaker-Baas scaling from 22 nm";
        _energyJ = Cite("SenseEnergyJ", 1.7e-15, CostUnit.Joule, NeuroSimReference.Figure("1-bit current sense amp 1.7 fJ", scaling)) * EnergyScale;
        _perOnCellJ = Cite("PerOnCellEnergyJ", 0.31e-15, CostUnit.Joule, NeuroSimReference.Figure("+0.31 fJ per ON cell", scaling)) * EnergyScale;
        _areaUm2 = Cite("AreaUm2", 11, CostUnit.SquareMicrometer, NeuroSimReference.Figure("11 um^2", scaling)) * AreaScale;
        _latencyPs = Cite("SenseLatencyPs", 1_000, CostUnit.Picosecond, NeuroSimReference.Figure("1 ns", "linear in feature size")) * LatencyScale;
    }

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public double SenseEnergyJ(int onCells) => _energyJ + (onCells * _perOnCellJ);

    public override ActionCost Cost(string action) => action == Sense ? new(_energyJ, _latencyPs) : throw UnknownAction(action);
}
