using System.Runtime.Intrinsics;
using Engram.Models.Learning;

namespace Engram.Models.Networks;

/// <summary>
/// A single-layer recurrent memory: s ← f(W s + b) with f = sign (binary; sign(0) keeps the old state) or
/// tanh (continuous). W is row-major N×N; stuck cells hold their value (0 for the baselines, as in the He et al. code).
/// <para>
/// The field of neuron i is the chain u ← fma(W_ij, s_j, u) over j in increasing order, started from b_i, for one
/// state or many (<see cref="StepBatch"/>: one product of the states with Wᵀ); the product kernel computes every
/// element in that order whatever its blocking, so a batched step equals stepping each state alone, bit for bit.
/// </para>
/// </summary>
public sealed class SingleLayerMemory : IAssociativeMemory
{
    private readonly double[] _w;
    private readonly double[] _wT;
    private readonly double[] _bias;
    private readonly bool[] _stuck;
    private SparseRows? _rows;

    public SingleLayerMemory(double[] weights, double[]? bias, bool continuous, bool[]? stuck = null)
    {
        int n = (int)Math.Round(Math.Sqrt(weights.Length));
        if (n * n != weights.Length)
        {
            throw new ArgumentException("weights must be a square N×N matrix", nameof(weights));
        }

        Neurons = n;
        _w = weights;
        _wT = new double[weights.Length];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _wT[(j * n) + i] = weights[(i * n) + j];
            }
        }

        _bias = bias ?? new double[n];
        _stuck = stuck ?? new bool[weights.Length];
        Continuous = continuous;
    }

    public int Neurons { get; }

    public bool Continuous { get; }

    public ReadOnlySpan<double> Weights => _w;

    public ReadOnlySpan<double> Bias => _bias;

    /// <summary>The nonzero weights by row, for <see cref="TransposedRecall"/> (built on first use).</summary>
    internal SparseRows NonzeroRows => _rows ??= new SparseRows(_w, Neurons);

    public void Step(ReadOnlySpan<double> state, Span<double> next) => StepBatch(state, next, 1);

    public void StepBatch(ReadOnlySpan<double> states, Span<double> next, int count)
    {
        int n = Neurons;
        if (states.Length < count * n || next.Length < count * n)
        {
            throw new ArgumentException("state spans are shorter than count × N");
        }

        // next holds the fields first: U = B + S · Wᵀ, then the neuron function in place.
        for (int r = 0; r < count; r++)
        {
            _bias.CopyTo(next.Slice(r * n, n));
        }

        DenseProduct<double>.MultiplyAccumulate(count, n, n, states, n, 1, _wT, next);
        int length = count * n;
        int k = 0;
        if (!Continuous)
        {
            // NeuronFunctions.Sign as selects: a field's sign is a coin flip for the branch predictor.
            var one = Vector256<double>.One;
            var minusOne = -one;
            for (; k + Vector256<double>.Count <= length; k += Vector256<double>.Count)
            {
                var field = Vector256.Create(next.Slice(k, Vector256<double>.Count));
                var previous = Vector256.Create(states.Slice(k, Vector256<double>.Count));
                var below = Vector256.ConditionalSelect(Vector256.LessThan(field, Vector256<double>.Zero), minusOne, previous);
                Vector256.ConditionalSelect(Vector256.GreaterThan(field, Vector256<double>.Zero), one, below).CopyTo(next[k..]);
            }
        }

        for (; k < length; k++)
        {
            next[k] = NeuronFunctions.Activate(next[k], states[k], Continuous);
        }
    }

    public IAssociativeMemory WithVariation(double sigma, Random rng)
    {
        if (sigma <= 0)
        {
            return this;
        }

        var w = NeuronFunctions.WithVariation(_w, _stuck, sigma, rng);
        return new SingleLayerMemory(w, _bias, Continuous, _stuck);
    }
}
