using System.Globalization;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Digital;

/// <summary>
/// The <c>interconnect</c> block: the wires that carry a layer's partial sums from its arrays to the adder trees
/// (<c>transfer</c> action), C·L·V² per bit per hop (NeuroSim's 0.2 fF/µm) and <c>hop_cycles</c> per hop.
/// </summary>
public sealed class InterconnectLink
{
    public InterconnectLink(CostContext costs, BlockSite? site = null)
    {
        var spec = costs.Spec;
        Bits = spec.Interconnect.PartialSumBits;
        HopLengthUm = spec.Interconnect.HopLengthUm;
        BitEnergyJ = costs.Energy(BlockKinds.Interconnect, costs.Library.Wire(HopLengthUm, spec.Technology.VddV).Cost(Engram.Models.Costs.WireCost.Transfer).EnergyJ);
        PeriodPs = costs.PeriodPs(BlockKinds.Interconnect);
        Source = costs.Source(BlockKinds.Interconnect, costs.ProfileSource);
        Action = new TimedAction(site, "transfer", spec.Interconnect.HopCycles);
    }

    /// <summary>Bits per partial sum.</summary>
    public int Bits { get; }

    public double HopLengthUm { get; }

    public double BitEnergyJ { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    public TimedAction Action { get; }

    /// <summary>Moves <paramref name="partials"/> partial sums one hop.</summary>
    public IEnumerable<Wait> Transfer(int component, long partials)
    {
        long bits = partials * Bits;
        return Action.Run(component, partials, bits * BitEnergyJ);
    }

    public CostRow Row() =>
        new(BlockKinds.Interconnect, "transfer", string.Create(CultureInfo.InvariantCulture, $"per bit, {HopLengthUm:G4} um"), BitEnergyJ, "", Action.Cycles, PeriodPs, null, Source);
}
