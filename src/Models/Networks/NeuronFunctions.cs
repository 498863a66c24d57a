using System.Numerics.Tensors;
using Engram.Models.Devices;

namespace Engram.Models.Networks;

/// <summary>Neuron functions and conductance variation shared by the software memories and the chip.</summary>
public static class NeuronFunctions
{
    /// <summary>
    /// Binary neuron: the sign of the field, keeping the previous state when the field is exactly 0 (Engram's
    /// choice; the He et al. baselines keep sign(0) = 0, which leaves a neuron at 0 for ever).
    /// </summary>
    public static double Sign(double field, double previous) => field > 0 ? 1 : field < 0 ? -1 : previous;

    /// <summary>tanh for continuous neurons, <see cref="Sign"/> for binary ones.</summary>
    public static double Activate(double field, double previous, bool continuous) => continuous ? Math.Tanh(field) : Sign(field, previous);

    /// <summary>A copy of <paramref name="weights"/> with σ·max|W|·N(0, 1) added to every non-stuck cell (the He et al. code's variation model).</summary>
    public static double[] WithVariation(double[] weights, bool[] stuck, double sigma, Random rng)
    {
        double max = Math.Abs(TensorPrimitives.MaxMagnitude(weights));
        var w = (double[])weights.Clone();
        for (int k = 0; k < w.Length; k++)
        {
            if (!stuck[k])
            {
                w[k] += sigma * max * StandardNormal.Sample(rng);
            }
        }

        return w;
    }
}
