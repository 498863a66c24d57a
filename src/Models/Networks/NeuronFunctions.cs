using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>
    /// <see cref="Sign"/> of every field against its state, in place and in order; returns how many states changed
    /// (<c>!=</c>). Four lanes at a time with selects instead of branches: a recall's field signs are as good as random,
    /// so the branches of one neuron at a time were mispredicted about every other neuron. Selects and compares are
    /// exact, so the states are the same.
    /// </summary>
    public static int SignAll(ReadOnlySpan<double> fields, Span<double> states)
    {
        if (fields.Length != states.Length)
        {
            throw new ArgumentException($"{fields.Length} fields for {states.Length} states", nameof(fields));
        }

        int n = states.Length, changed = 0, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            var minusOne = Vector256.Create(-1.0);
            ref double field0 = ref MemoryMarshal.GetReference(fields);
            ref double state0 = ref MemoryMarshal.GetReference(states);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var field = Vector256.LoadUnsafe(ref field0, (nuint)i);
                var state = Vector256.LoadUnsafe(ref state0, (nuint)i);
                var next = Vector256.ConditionalSelect(Vector256.GreaterThan(field, Vector256<double>.Zero), one,
                    Vector256.ConditionalSelect(Vector256.LessThan(field, Vector256<double>.Zero), minusOne, state));
                changed += Vector256<double>.Count - BitOperations.PopCount(Vector256.Equals(next, state).ExtractMostSignificantBits());
                next.StoreUnsafe(ref state0, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double next = Sign(fields[i], states[i]);
            changed += next != states[i] ? 1 : 0;
            states[i] = next;
        }

        return changed;
    }

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
