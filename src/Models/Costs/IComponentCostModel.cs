namespace Engram.Models.Costs;

/// <summary>
/// The cost of one component kind at one technology node: area, static power and, per action, energy
/// and latency. Users add their own components by implementing this interface.
/// </summary>
public interface IComponentCostModel
{
    /// <summary>Component kind as used in breakdowns (e.g. <c>adc_sar</c>).</summary>
    string Kind { get; }

    /// <summary>Cost profile the figures come from (<c>neurosim</c>, <c>survey</c>, <c>isaac</c>).</summary>
    string Profile { get; }

    double NodeNm { get; }

    double AreaUm2 { get; }

    double LeakageW { get; }

    /// <summary>The actions this component charges, the first being its main one.</summary>
    IReadOnlyList<string> Actions { get; }

    /// <summary>One action with no data-dependent terms (no column current, input 0).</summary>
    ActionCost Cost(string action);

    /// <summary>Every published number behind this model, each with a unit and a source.</summary>
    IReadOnlyList<CostConstant> Constants { get; }

    /// <summary>How the figures were obtained at this node: source, formula or scaling.</summary>
    string Explain();
}
