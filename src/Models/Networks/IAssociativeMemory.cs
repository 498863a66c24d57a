namespace Engram.Models.Networks;

/// <summary>
/// An associative memory in software (math only, no time): one synchronous recall step maps a state to
/// the next. Binary memories output ±1, continuous ones values in [−1, 1].
/// </summary>
public interface IAssociativeMemory
{
    int Neurons { get; }

    bool Continuous { get; }

    /// <summary>One synchronous step: every neuron from <paramref name="state"/> at once into <paramref name="next"/>.</summary>
    void Step(ReadOnlySpan<double> state, Span<double> next);

    /// <summary>
    /// <see cref="Step"/> for <paramref name="count"/> independent states at once (row-major, count × N). Every
    /// row's result is bit-identical to stepping that row alone; a memory overrides this when one matrix product
    /// beats a product per row.
    /// </summary>
    void StepBatch(ReadOnlySpan<double> states, Span<double> next, int count)
    {
        int n = Neurons;
        for (int r = 0; r < count; r++)
        {
            Step(states.Slice(r * n, n), next.Slice(r * n, n));
        }
    }

    /// <summary>
    /// A copy whose conductance-backed weights carry programming/read variation: W + σ·max|W|·N(0, 1) per
    /// cell (the He et al. code's model), drawn from <paramref name="rng"/>; stuck cells keep their stuck value.
    /// </summary>
    IAssociativeMemory WithVariation(double sigma, Random rng);
}
