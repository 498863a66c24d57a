using Engram.Models.Networks;

namespace Engram.Models.Learning;

/// <summary>
/// Multilayer associative memory training (He et al. 2025, <c>MultiLayerHNN_beta</c> in their code): encoder H×N, optional extra H×H layers, decoder
/// N×H, all tanh with bias, trained full-batch on mean((dec(enc(X)) − X)²) with each layer's stuck cells
/// fixed at their stuck value. Fault layers: 0 = encoder, 1 = decoder, 2.. = extra layers (asked in that
/// order). Weights initialise in forward order from the context's stream.
/// </summary>
public sealed class MultilayerLearner(MultilayerOptions? options = null) : IMemoryLearner
{
    public MultilayerOptions Options { get; } = options ?? MultilayerOptions.Default;

    public string Name => "multilayer";

    public IAssociativeMemory Learn(double[][] patterns, LearningContext context) => Train(patterns, context).Memory;

    public MultilayerTrainingResult Train(double[][] patterns, LearningContext context)
    {
        var stack = Build(patterns, context, out var stuck);
        var (epochs, lr) = Options.Resolve(patterns.Length, context.Continuous, patterns[0].Length);
        var losses = stack.Train(Options.CreateOptimizer(lr), epochs, Options.EarlyStopLoss, 0, context.Rng);
        var layers = new MemoryLayer[stack.Layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            var layer = stack.Layers[l];
            layers[l] = new MemoryLayer(layer.Rows, layer.Cols, layer.StoredWeights(), (double[])layer.Bias.Clone(), stuck[l]);
        }

        return new MultilayerTrainingResult(new MultilayerMemory(layers, context.Continuous), losses);
    }

    /// <summary>The initialised, untrained stack in forward order, and each layer's stuck flags.</summary>
    internal TanhStack Build(double[][] patterns, LearningContext context, out bool[][] stuck)
    {
        if (patterns.Length == 0)
        {
            throw new ArgumentException("no patterns to store", nameof(patterns));
        }

        if (Options.Hidden <= 0 || Options.ExtraLayers < 0)
        {
            throw new ArgumentException("hidden size must be positive and extra layers non-negative");
        }

        int n = patterns[0].Length;
        int h = Options.Hidden;
        int count = 2 + Options.ExtraLayers;

        // Fault draws in layer-id order: encoder (0), decoder (1), extra layers (2..).
        var byId = new bool[count][];
        byId[0] = context.Faults.Stuck(0, h, n, context.FaultRate);
        byId[1] = context.Faults.Stuck(1, n, h, context.FaultRate);
        for (int e = 0; e < Options.ExtraLayers; e++)
        {
            byId[2 + e] = context.Faults.Stuck(2 + e, h, h, context.FaultRate);
        }

        // Forward order: encoder, extra layers, decoder.
        stuck = new bool[count][];
        var layers = new MaskedTanhLayer[count];
        for (int l = 0; l < count; l++)
        {
            int id = l == 0 ? 0 : l == count - 1 ? 1 : l + 1;
            int rows = l == count - 1 ? n : h;
            int cols = l == 0 ? n : h;
            stuck[l] = byId[id];
            layers[l] = new MaskedTanhLayer(rows, cols, patterns.Length, stuck[l], Options.StuckValue);
            layers[l].Initialise(context.Rng);
        }

        return new TanhStack(patterns, layers);
    }
}
