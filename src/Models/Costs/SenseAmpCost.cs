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
        string scaling = ScalingNote;
        // NeuroSim's sense amp is a one-level multi-level sense amplifier: its energy follows that circuit's per-level
        // power and its per-ON-cell share the column term c·exp(k·log10 R), both tabulated per node.
        var node = NodeScaling;
        _energyJ = Cite("SenseEnergyJ", 1.7e-15, CostUnit.Joule, NeuroSimReference.Figure("1-bit current sense amp 1.7 fJ", node is null ? scaling : scaling + "; x sense-amp power per level")) * (node?.SenseLevelRatio ?? EnergyScale);
        _perOnCellJ = Cite("PerOnCellEnergyJ", 0.31e-15, CostUnit.Joule, NeuroSimReference.Figure("+0.31 fJ per ON cell", node is null ? scaling : scaling + "; x sense-amp column term")) * (node?.SenseColumnRatio ?? EnergyScale);
        _areaUm2 = Cite("AreaUm2", 11, CostUnit.SquareMicrometer, NeuroSimReference.Figure("11 um^2", scaling)) * AreaScale;
        // NeuroSim clamps the sensing time to at least 1 ns at every node (MultilevelSenseAmp.cpp L189-L193), so it does not scale there.
        _latencyPs = Cite("SenseLatencyPs", 1_000, CostUnit.Picosecond, NeuroSimReference.Figure("1 ns", node is null ? "linear in feature size" : "1 ns at every NeuroSim node (NeuroSim's 1 ns minimum sensing time)")) * (node is null ? LatencyScale : 1);
    }

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public double SenseEnergyJ(int onCells) => _energyJ + (onCells * _perOnCellJ);

    public override ActionCost Cost(string action) => action == Sense ? new(_energyJ, _latencyPs) : throw UnknownAction(action);
}
