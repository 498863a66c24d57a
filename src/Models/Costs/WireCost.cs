namespace Engram.Models.Costs;

/// <summary>On-chip wire: C = 0.2 fF/µm (NeuroSim), one transition costs C·L·Vdd².</summary>
public sealed class WireCost : ComponentCostModel
{
    public const string Transfer = "transfer_bit";

    private static readonly string[] ActionNames = [Transfer];

    public WireCost(double lengthUm, double vddV, double nodeNm)
        : base("wire", NeuroSimReference.Profile, nodeNm, nodeNm)
    {
        if (!(lengthUm >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthUm), lengthUm, "wire length must be >= 0 um");
        }

        LengthUm = lengthUm;
        VddV = vddV;
        CapacitancePerUmF = Cite(nameof(CapacitancePerUmF), 0.2e-15, CostUnit.Farad, NeuroSimReference.Figure("wires 0.2 fF/um", "node-independent per-length capacitance"));
    }

    public double LengthUm { get; }

    public double VddV { get; }

    public double CapacitancePerUmF { get; }

    public override double AreaUm2 => 0;

    public override IReadOnlyList<string> Actions => ActionNames;

    public override ActionCost Cost(string action) =>
        action == Transfer ? new(CapacitancePerUmF * LengthUm * VddV * VddV, 0) : throw UnknownAction(action);
}
