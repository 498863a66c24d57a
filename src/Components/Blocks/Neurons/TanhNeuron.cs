using System.Globalization;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Neurons;

/// <summary><c>tanh</c>: continuous neurons, s ← tanh(u), by a digital function unit after the ADC.</summary>
public sealed class TanhNeuron : INeuron
{
    public string Name => "tanh";

    public bool NeedsGradedInputs => true;

    public double Activate(double field, double previous) => Math.Tanh(field);

    /// <summary>Changed by at least half an input level: a smaller move cannot change what the DACs drive.</summary>
    public bool Changed(double before, double after, int dacBits) =>
        Math.Abs(before - after) >= 0.5 / ((1 << Math.Max(dacBits - 1, 1)) - 1);

    /// <summary>Engram assumption: a piecewise-linear tanh = a 16-bit adder plus an 8:1 segment mux.</summary>
    public NeuronCircuit Circuit(CostLibrary library, int adcBits)
    {
        var adder = library.Adder(16);
        var mux = library.Mux();
        return new NeuronCircuit(adder.Cost("add").EnergyJ + mux.Cost("select").EnergyJ, adder.Cost("add").LatencyPs, adder.AreaUm2 + mux.AreaUm2,
            string.Create(CultureInfo.InvariantCulture, $"Engram assumption: piecewise-linear tanh = 16-bit adder + 8:1 mux ({library.Profile} figures at {library.NodeNm:G4} nm)"));
    }
}
