namespace Engram.Models.Learning;

/// <summary>
/// A first-order optimizer with PyTorch semantics: one step updates a parameter span in place from its
/// gradient span and the per-parameter <see cref="OptimizerState"/>. Steps allocate nothing.
/// </summary>
public interface IOptimizer
{
    /// <summary>Fresh state (moment buffers, step count) for a parameter block of <paramref name="length"/>.</summary>
    OptimizerState CreateState(int length);

    void Step(Span<double> parameters, ReadOnlySpan<double> gradient, OptimizerState state);
}
