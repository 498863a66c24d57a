using System.Globalization;
using Engram.Models.Costs;
using Engram.Models.Networks;

namespace Engram.Components.Blocks.Neurons;

/// <summary><c>sign</c>: binary neurons, s ← sign(u), keeping the state on a zero field.</summary>
public sealed class SignNeuron : INeuron
{
    public string Name => "sign";

    public bool NeedsGradedInputs => false;

    public double Activate(double field, double previous) => NeuronFunctions.Sign(field, previous);

    public bool Changed(double before, double after, int dacBits) => before != after;

    public int ActivateAll(ReadOnlySpan<double> fields, Span<double> states, int dacBits) => NeuronFunctions.SignAll(fields, states);

    /// <summary>Engram assumption: a B-bit adder compares the ADC code with zero.</summary>
    public NeuronCircuit Circuit(CostLibrary library, int adcBits)
    {
        var adder = library.Adder(adcBits);
        return new NeuronCircuit(adder.Cost("add").EnergyJ, adder.Cost("add").LatencyPs, adder.AreaUm2,
            string.Create(CultureInfo.InvariantCulture, $"Engram assumption: a {adcBits}-bit adder compares the code with 0 ({library.Profile} adder at {library.NodeNm:G4} nm)"));
    }
}
