using Engram.Models.Networks;

namespace Engram.Models.Learning;

/// <summary>
/// Hardware-adaptive single-layer learning (He et al. 2025, <c>SingleLayerHNN_beta</c> in their code): a tanh layer with bias, W_eff = W ⊙ M with
/// M = F ⊙ (1 − I), trained full-batch on mean((tanh(X W_effᵀ + b) − X)²). Stuck cells are fixed at their
/// stuck value, known to training, and recalled with that same value (Engram's choice, not the code's
/// evaluation quirk of reloading stuck cells at their initial value); the trained bias is kept. Sign recall for binary patterns, tanh for continuous.
/// </summary>
public sealed class AdaptiveLearner(AdaptiveOptions? options = null) : IMemoryLearner
{
    public AdaptiveOptions Options { get; } = options ?? AdaptiveOptions.Default;

    public string Name => "adaptive";

    public IAssociativeMemory Learn(double[][] patterns, LearningContext context) => Train(patterns, context).Memory;

    /// <summary>Trains on <paramref name="patterns"/> and returns the memory with its loss history.</summary>
    public AdaptiveTrainingResult Train(double[][] patterns, LearningContext context)
    {
        var stack = Build(patterns, context, out var stuck);
        var losses = stack.Train(Options.CreateOptimizer(), Options.MaxEpochs, Options.EarlyStopLoss, Options.NoiseLevel, context.Rng);
        var layer = stack.Layers[0];
        var memory = new SingleLayerMemory(layer.StoredWeights(), (double[])layer.Bias.Clone(), context.Continuous, stuck);
        return new AdaptiveTrainingResult(memory, losses);
    }

    /// <summary>The initialised, untrained training stack (exposed for gradient tests).</summary>
    internal TanhStack Build(double[][] patterns, LearningContext context, out bool[] stuck)
    {
        if (patterns.Length == 0)
        {
            throw new ArgumentException("no patterns to store", nameof(patterns));
        }

        int n = patterns[0].Length;
        stuck = context.Faults.Stuck(0, n, n, context.FaultRate);
        var frozen = (bool[])stuck.Clone();
        for (int i = 0; i < n; i++)
        {
            frozen[(i * n) + i] = true;
        }

        var layer = new MaskedTanhLayer(n, n, patterns.Length, frozen, Options.StuckValue);
        for (int i = 0; i < n; i++)
        {
            // The diagonal is no self-connection, not a stuck device: it is always 0.
            layer.Fixed[(i * n) + i] = 0;
        }

        layer.Initialise(context.Rng);
        return new TanhStack(patterns, [layer], Options.SinglePrecision);
    }
}
