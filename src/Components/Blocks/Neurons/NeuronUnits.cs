using Engram.Sim.Core;

namespace Engram.Components.Blocks.Neurons;

/// <summary>
/// The <c>neuron</c> block: one digital neuron circuit per neuron after the ADCs (<c>activate</c> action), with
/// the function of <c>periphery.neuron</c>. No profile publishes a neuron: its figures are an Engram assumption
/// priced from the profile's adders (<see cref="INeuron.Circuit"/>), unless <c>costs.neuron</c> replaces them.
/// </summary>
public sealed class NeuronUnits
{
    public NeuronUnits(CostContext costs, BlockSite? site = null)
    {
        var spec = costs.Spec;
        Function = spec.Periphery.Neuron;
        DacBits = spec.Periphery.DacBits;
        var circuit = Function.Circuit(costs.Library, spec.Periphery.AdcBits);
        EnergyJ = costs.Energy(BlockKinds.Neuron, circuit.EnergyJ);
        AreaUm2 = costs.Area(BlockKinds.Neuron, circuit.AreaUm2);
        PeriodPs = costs.PeriodPs(BlockKinds.Neuron);
        Source = costs.Override(BlockKinds.Neuron) is { } o ? $"override: {o.Source}" : circuit.Source;
        Action = new TimedAction(site, "activate", costs.Cycles(BlockKinds.Neuron, costs.Latency(BlockKinds.Neuron, circuit.LatencyPs)));

        // The bias is a digital add after the ADC: one adder as wide as the converted value (NeuroSim's ripple adder).
        var adder = costs.Library.Adder(Math.Max(spec.Periphery.AdcBits, 1) + 1).Cost("add");
        BiasAddEnergyJ = adder.EnergyJ;
        BiasAdd = new TimedAction(site, "bias_add", costs.Cycles(BlockKinds.Neuron, adder.LatencyPs));
        BiasSource = $"{costs.ProfileSource}: {spec.Periphery.AdcBits + 1}-bit adder";
    }

    /// <summary>Energy of adding one neuron's bias to its converted field.</summary>
    public double BiasAddEnergyJ { get; }

    public TimedAction BiasAdd { get; }

    public string BiasSource { get; }

    /// <summary><paramref name="count"/> neurons add their biases in parallel.</summary>
    public IEnumerable<Wait> AddBias(int component, int count) => BiasAdd.Run(component, count, count * BiasAddEnergyJ);

    public INeuron Function { get; }

    public int DacBits { get; }

    public double EnergyJ { get; }

    public double AreaUm2 { get; }

    public long PeriodPs { get; }

    public string Source { get; }

    public TimedAction Action { get; }

    /// <summary>The visible neurons' next state.</summary>
    public double Next(double field, double previous) => Function.Activate(field, previous);

    public bool Changed(double before, double after) => Function.Changed(before, after, DacBits);

    /// <summary>Every visible neuron's next state from its field, in order (a synchronous step); returns how many changed.</summary>
    public int NextAll(ReadOnlySpan<double> fields, Span<double> states) => Function.ActivateAll(fields, states, DacBits);

    /// <summary>Hidden neurons of a multilayer net: tanh when the DACs drive graded inputs, sign otherwise (Engram's choice).</summary>
    public double Hidden(double field) => DacBits > 1 ? Math.Tanh(field) : Math.Sign(field);

    /// <summary><paramref name="count"/> neurons compute in parallel.</summary>
    public IEnumerable<Wait> Activate(int component, int count) => Action.Run(component, count, count * EnergyJ);

    public CostRow Row() => new(BlockKinds.Neuron, "activate", Function.Name, EnergyJ, "", Action.Cycles, PeriodPs, AreaUm2, Source);
}
