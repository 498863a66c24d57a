namespace Engram.Models.Costs;

/// <summary>One published number a cost model is built from, with its unit and its source.</summary>
public sealed record CostConstant(string Name, double Value, CostUnit Unit, Provenance Source)
{
    public override string ToString() => $"{Name} = {Value:G4} [{Unit}] — {Source}";
}
