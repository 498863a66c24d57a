using System.Globalization;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Digital;

/// <summary>
/// The <c>adder_tree</c> block of a layer whose outputs span several row blocks: one tree per output reduces
/// its partial sums (<c>reduce</c> action); NeuroSim's 8-input figure scaled to the number of inputs.
/// </summary>
public sealed class AdderTree
{
    public AdderTree(CostContext costs, int inputs, BlockSite? site = null)
    {
        Inputs = inputs;
        PeriodPs = costs.PeriodPs(BlockKinds.AdderTree);
        Source = costs.Source(BlockKinds.AdderTree, costs.ProfileSource);
        if (inputs < 2)
        {
            Action = new TimedAction(site, "reduce", 0);
            return;
        }

        var model = costs.Library.AdderTree(inputs);
        (EnergyJ, int cycles) = costs.Action(BlockKinds.AdderTree, model, "reduce");
        AreaUm2 = costs.Area(BlockKinds.AdderTree, model.AreaUm2);
        Action = new TimedAction(site, "reduce", cycles);
    }

    /// <summary>Partial sums per output (one needs no tree: then everything is 0).</summary>
    public int Inputs { get; }

    public double EnergyJ { get; }

    public double AreaUm2 { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    public TimedAction Action { get; }

    public IEnumerable<Wait> Reduce(int component, int outputs) => Action.Run(component, outputs, outputs * EnergyJ);

    public CostRow Row(int layer) =>
        new(BlockKinds.AdderTree, "reduce", string.Create(CultureInfo.InvariantCulture, $"L{layer}, {Inputs} partial sums"), EnergyJ, "", Action.Cycles, PeriodPs, AreaUm2, Source);
}
