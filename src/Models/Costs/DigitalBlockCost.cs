namespace Engram.Models.Costs;

/// <summary>
/// A digital block with one main action whose figures scale with a width relative to the published one
/// (linear in bits for adders and registers). Shift-add, adder, register, adder tree and mux are instances.
/// </summary>
public sealed class DigitalBlockCost : ComponentCostModel
{
    private readonly string[] _actions;
    private readonly double _energyJ;
    private readonly double _latencyPs;
    private readonly double _areaUm2;
    private readonly double _leakageW;

    public DigitalBlockCost(
        string kind,
        string action,
        string profile,
        double nodeNm,
        double referenceNodeNm,
        Provenance source,
        double energyJ,
        double latencyPs,
        double areaUm2,
        double leakageW = 0,
        double energyAndAreaRatio = 1,
        double latencyRatio = 1)
        : base(kind, profile, nodeNm, referenceNodeNm)
    {
        _actions = [action];
        _energyJ = Cite("ActionEnergyJ", energyJ, CostUnit.Joule, source) * EnergyScale * energyAndAreaRatio;
        _latencyPs = Cite("ActionLatencyPs", latencyPs, CostUnit.Picosecond, source) * LatencyScale * latencyRatio;
        _areaUm2 = Cite("BlockAreaUm2", areaUm2, CostUnit.SquareMicrometer, source) * AreaScale * energyAndAreaRatio;
        // Only NeuroSim's shift-add publishes a leakage; elsewhere no figure is cited and static power stays 0.
        _leakageW = leakageW > 0 ? Cite("LeakageW", leakageW, CostUnit.Watt, source) * EnergyScale * energyAndAreaRatio : 0;
    }

    public override double AreaUm2 => _areaUm2;

    public override double LeakageW => _leakageW;

    public override IReadOnlyList<string> Actions => _actions;

    public override ActionCost Cost(string action) => action == _actions[0] ? new(_energyJ, _latencyPs) : throw UnknownAction(action);
}
