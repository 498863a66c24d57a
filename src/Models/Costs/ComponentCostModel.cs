using System.Globalization;
using System.Text;

namespace Engram.Models.Costs;

/// <summary>
/// Shared plumbing of the cost models: the published constants, and the scaling from the node the
/// figures were published at to the node asked for. The "neurosim" profile's 22 nm figures scale the way
/// NeuroSim does (<see cref="NeuroSimNodeScaling"/>) wherever NeuroSim defines the node; everything else
/// scales with Stillmaker &amp; Baas (<see cref="TechnologyScaling"/>).
/// </summary>
public abstract class ComponentCostModel : IComponentCostModel
{
    private readonly List<CostConstant> _constants = [];

    protected ComponentCostModel(string kind, string profile, double nodeNm, double referenceNodeNm)
    {
        Kind = kind;
        Profile = profile;
        NodeNm = nodeNm;
        ReferenceNodeNm = referenceNodeNm;
        EnergyScale = TechnologyScaling.EnergyFactor(referenceNodeNm, nodeNm);
        AreaScale = TechnologyScaling.AreaFactor(referenceNodeNm, nodeNm);
        LatencyScale = TechnologyScaling.LatencyFactor(referenceNodeNm, nodeNm);
        bool neuroSimFigures = profile == NeuroSimReference.Profile && Math.Abs(referenceNodeNm - NeuroSimReference.NodeNm) < 1e-9;
        NodeScaling = neuroSimFigures ? NeuroSimNodeScaling.At(nodeNm) : null;
        ScalingNote = neuroSimFigures ? NeuroSimNodeScaling.Describe(profile, nodeNm) : string.Create(CultureInfo.InvariantCulture, $"Stillmaker-Baas scaling from {referenceNodeNm:G4} nm");
        if (NodeScaling is { } s)
        {
            EnergyScale = s.LogicEnergyRatio;
            AreaScale = s.AreaRatio;
            LatencyScale = s.LogicLatencyRatio;
        }
    }

    /// <summary>NeuroSim's own per-node factors when this model carries NeuroSim 22 nm figures to a NeuroSim node; else null (Stillmaker–Baas).</summary>
    public NeuroSimNodeScaling? NodeScaling { get; }

    /// <summary>Which scaling carried the published figures to this node (for provenance and <c>cost query</c>).</summary>
    public string ScalingNote { get; }

    /// <summary>True when the figures reach this node through NeuroSim's per-node formulas rather than Stillmaker–Baas.</summary>
    public bool ScaledTheNeuroSimWay => NodeScaling is not null;

    public string Kind { get; }

    public string Profile { get; }

    public double NodeNm { get; }

    /// <summary>The node the published figures are for.</summary>
    public double ReferenceNodeNm { get; }

    public bool IsScaled => Math.Abs(NodeNm - ReferenceNodeNm) > 1e-9;

    protected double EnergyScale { get; }

    protected double AreaScale { get; }

    protected double LatencyScale { get; }

    public abstract double AreaUm2 { get; }

    public virtual double LeakageW => 0;

    public abstract IReadOnlyList<string> Actions { get; }

    public abstract ActionCost Cost(string action);

    public IReadOnlyList<CostConstant> Constants => _constants;

    /// <summary>Registers a published constant and returns its value, so a field reads like its citation.</summary>
    protected double Cite(string name, double value, CostUnit unit, Provenance source)
    {
        _constants.Add(new CostConstant(name, value, unit, source));
        return value;
    }

    protected ArgumentException UnknownAction(string action) =>
        new($"component '{Kind}' has no action '{action}'; actions: {string.Join(", ", Actions)}", nameof(action));

    public virtual string Explain()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Kind} — profile {Profile}, {NodeNm:G4} nm");
        foreach (var action in Actions)
        {
            var cost = Cost(action);
            text.AppendLine(c, $"  {action}: {cost.EnergyJ:G4} J, {cost.LatencyPs:G4} ps");
        }

        bool leakagePublished = _constants.Any(k => k.Unit == CostUnit.Watt && k.Name.StartsWith("Leakage", StringComparison.Ordinal));
        text.AppendLine(leakagePublished
            ? string.Create(c, $"  area {AreaUm2:G4} um2, leakage {LeakageW:G4} W")
            : string.Create(c, $"  area {AreaUm2:G4} um2, leakage not published (charged as 0 W)"));
        text.AppendLine("  from:");
        foreach (var constant in _constants)
        {
            text.AppendLine(c, $"    {constant}");
        }

        text.AppendLine(!IsScaled
            ? string.Create(c, $"  published at this node ({ReferenceNodeNm:G4} nm): no scaling")
            : NodeScaling is { } s
                ? string.Create(c, $"  scaled {ReferenceNodeNm:G4} -> {NodeNm:G4} nm: logic energy x{EnergyScale:G4}, area x{AreaScale:G4}, logic latency x{LatencyScale:G4}, sense level x{s.SenseLevelRatio:G4}, sense column x{s.SenseColumnRatio:G4}, line capacitance x{s.LineCapacitanceRatio:G4} ({s.Description})")
                : string.Create(c, $"  scaled {ReferenceNodeNm:G4} -> {NodeNm:G4} nm: energy x{EnergyScale:G4}, area x{AreaScale:G4}, latency x{LatencyScale:G4} ({ScalingNote}; {TechnologyScaling.Source.Source})"));
        return text.ToString();
    }
}
