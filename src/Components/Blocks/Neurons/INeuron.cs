using Engram.Models.Costs;

namespace Engram.Components.Blocks.Neurons;

/// <summary>
/// A neuron function after the ADC: what it computes from a neuron's field, when a state counts as changed
/// (convergence), and the digital circuit that computes it (priced from the profile's figures).
/// </summary>
public interface INeuron
{
    /// <summary>The YAML name (<c>periphery.neuron</c>).</summary>
    string Name { get; }

    /// <summary>Whether its states are graded and so need bit-serial (multi-bit) input drivers.</summary>
    bool NeedsGradedInputs { get; }

    double Activate(double field, double previous);

    /// <summary>Whether a state moved enough to keep the recall going; <paramref name="dacBits"/> sets the input resolution.</summary>
    bool Changed(double before, double after, int dacBits);

    /// <summary>
    /// Every state from its field in order, as <see cref="Activate"/> and <see cref="Changed"/> one neuron after
    /// another (a synchronous step); returns how many changed. A neuron kind may do it faster with the same states.
    /// </summary>
    int ActivateAll(ReadOnlySpan<double> fields, Span<double> states, int dacBits)
    {
        int changed = 0;
        for (int i = 0; i < states.Length; i++)
        {
            double next = Activate(fields[i], states[i]);
            changed += Changed(states[i], next, dacBits) ? 1 : 0;
            states[i] = next;
        }

        return changed;
    }

    /// <summary>The circuit: energy and latency per activation, area per neuron, and where the figures come from.</summary>
    NeuronCircuit Circuit(CostLibrary library, int adcBits);
}

/// <summary>One neuron circuit's figures.</summary>
public sealed record NeuronCircuit(double EnergyJ, double LatencyPs, double AreaUm2, string Source);
