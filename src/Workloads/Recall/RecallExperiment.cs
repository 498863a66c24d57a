using Engram.Components.Arch;
using Engram.Components.Blocks.Programming;
using Engram.Components.Chips;
using Engram.Models.Learning;
using Engram.Models.Networks;
using Engram.Models.Patterns;
using Engram.Sim.Random;

namespace Engram.Workloads.Recall;

/// <summary>
/// Stores P random ±1 patterns on a chip (weights from the rule, programmed through the device model) and
/// recalls each from a corrupted cue. Patterns and cues come from named streams of the master seed, so both
/// schedules of a comparison see the same ones.
/// </summary>
public static class RecallExperiment
{
    public static (Chip Chip, RecallOutcome Outcome) Run(ChipSpec spec, RecallSettings settings, string schedule, bool keepTrace = false)
    {
        var (chip, patterns, cues, programming) = Prepare(spec, settings, keepTrace);
        var recalls = RecallAll(chip, cues, schedule);
        chip.Finish();
        return (chip, new RecallOutcome(recalls, patterns) { Programming = programming });
    }

    /// <summary>
    /// Builds the chip, draws the patterns and their corrupted cues from named streams, and programs the weights
    /// (the programming phase's cost when it is write-verify, else null).
    /// </summary>
    public static (Chip Chip, double[][] Patterns, IReadOnlyList<double[]> Cues, ProgrammingResult? Programming) Prepare(ChipSpec spec, RecallSettings settings, bool keepTrace = false)
    {
        settings.Validate(spec.Network.Neurons);
        var chip = new Chip(spec, settings.Seed, keepTrace);
        var streams = new RandomStreams(settings.Seed);
        var patterns = Patterns(settings, spec.Network.Neurons, streams);
        var cueRandom = streams.Stream("workload/cues").AsSystemRandom();
        var cues = patterns.Select(p => settings.Continuous ? CueCorruption.Gaussian(p, settings.CueSigma, cueRandom) : CueCorruption.FlipBits(p, settings.CueFlip, cueRandom)).ToList();
        var programming = ProgramWeights(chip, spec, settings.Rule, patterns, settings.Program, settings.Seed, settings.Continuous);
        return (chip, patterns, cues, programming);
    }

    /// <summary>
    /// P random patterns from the stream <c>workload/patterns</c>, or P distinct images of a shipped data set picked
    /// by the stream <c>workload/dataset</c> (binary: +1 above the image's mean; continuous: pixels in [−1, 1]).
    /// </summary>
    public static double[][] Patterns(RecallSettings settings, int neurons, RandomStreams streams)
    {
        if (settings.Dataset == Capacity.PatternSource.Random)
        {
            var rng = streams.Stream("workload/patterns").AsSystemRandom();
            return settings.Continuous ? RandomPatterns.Continuous(settings.Patterns, neurons, rng) : RandomPatterns.Binary(settings.Patterns, neurons, rng);
        }

        var pool = settings.Dataset == Capacity.PatternSource.Digits
            ? DigitDatasets.DigitsPatterns(Capacity.PatternPool.DataFile(settings.DataDirectory, DigitDatasets.DigitsFileName), neurons, settings.Continuous)
            : DigitDatasets.MnistPatterns(Capacity.PatternPool.DataFile(settings.DataDirectory, DigitDatasets.MnistFileName), neurons, settings.Continuous);
        var picked = Capacity.PatternPool.DistinctIndices(pool.Length, settings.Patterns, streams.Stream("workload/dataset"));
        return [.. picked.Select(i => pool[i])];
    }

    /// <summary>One recall per cue with the chip's own order and iteration limit.</summary>
    public static List<RecallResult> RecallAll(Chip chip, IReadOnlyList<double[]> cues, string schedule) =>
        cues.Select(c => chip.Recall(c, schedule, chip.Spec.Controller.Order, chip.Spec.Controller.MaxIterations)).ToList();

    /// <summary>
    /// Single layer: Hebb, pseudo-inverse or Storkey weights, or He et al.'s hardware-adaptive learning trained
    /// around the chip's own stuck devices (its fault map) with a bias per neuron. Multilayer: the bias-free
    /// bipartite memory of <see cref="BipartiteMemory"/> (Hebbian or inverse-correlation decoder by the rule), or
    /// He et al.'s trained multilayer memory with its biases. Biases are added digitally after the converters.
    /// </summary>
    public static ProgrammingResult? ProgramWeights(Chip chip, ChipSpec spec, WeightRuleKind rule, double[][] patterns, ProgramMode mode = ProgramMode.Set, ulong seed = 1, bool continuous = false)
    {
        double[][] layers;
        var training = new RandomStreams(seed).Stream("workload/training").AsSystemRandom();
        if (spec.Network.Kind == NetworkKind.SingleLayer)
        {
            if (rule == WeightRuleKind.Multilayer)
            {
                throw new ArgumentException("--rule multilayer needs a multilayer chip (network.kind: multilayer)");
            }

            if (rule == WeightRuleKind.Adaptive)
            {
                var faults = FaultDraws.Fixed([StuckMap(chip, 0)]);
                var memory = new AdaptiveLearner().Train(patterns, new LearningContext(faults, 1.0, continuous, training)).Memory;
                layers = [memory.Weights.ToArray()];
                chip.SetBias(0, memory.Bias.ToArray());
            }
            else if (rule == WeightRuleKind.Hebb && mode == ProgramMode.Set)
            {
                // Entry by entry from the patterns: a large chip is programmed without holding the N² matrix.
                chip.Program(0, new HebbWeights(patterns));
                return null;
            }
            else
            {
                IWeightRule learner = rule switch
                {
                    WeightRuleKind.Hebb => new HebbRule(),
                    WeightRuleKind.Pinv => new PseudoInverseRule(),
                    _ => new StorkeyRule(),
                };
                layers = [learner.Learn(patterns)];
            }
        }
        else if (rule == WeightRuleKind.Multilayer)
        {
            var faults = FaultDraws.Fixed([StuckMap(chip, 0), StuckMap(chip, 1)]);
            var options = MultilayerOptions.Default with { Hidden = spec.Network.Hidden };
            var memory = new MultilayerLearner(options).Train(patterns, new LearningContext(faults, 1.0, continuous, training)).Memory;
            layers = [.. memory.Layers.Select(l => l.Weights)];
            for (int l = 0; l < layers.Length; l++)
            {
                chip.SetBias(l, memory.Layers[l].Bias);
            }
        }
        else if (rule is WeightRuleKind.Hebb or WeightRuleKind.Pinv)
        {
            var (w1, w2) = BipartiteMemory.Weights(patterns, spec.Network.Hidden, inverseDecoder: rule == WeightRuleKind.Pinv);
            layers = [w1, w2];
        }
        else
        {
            throw new ArgumentException($"--rule {rule.ToString().ToLowerInvariant()} is a single-layer rule; a multilayer chip takes hebb, pinv or multilayer");
        }

        if (mode == ProgramMode.Set)
        {
            for (int l = 0; l < layers.Length; l++)
            {
                chip.Program(l, layers[l]);
            }

            return null;
        }

        // Layers are programmed one after another; the phase's totals are the sum of its layers'.
        ProgrammingResult? total = null;
        for (int l = 0; l < layers.Length; l++)
        {
            var r = chip.ProgramVerified(l, layers[l]);
            total = total is null ? r : total.Then(r);
        }

        return total;
    }

    /// <summary>Throws when <paramref name="rule"/> cannot store a memory on a <paramref name="network"/> chip.</summary>
    public static void CheckRule(NetworkKind network, WeightRuleKind rule)
    {
        if (network == NetworkKind.SingleLayer && rule == WeightRuleKind.Multilayer)
        {
            throw new ArgumentException("--rule multilayer needs a multilayer chip (network.kind: multilayer)");
        }

        if (network == NetworkKind.Multilayer && rule is not (WeightRuleKind.Hebb or WeightRuleKind.Pinv or WeightRuleKind.Multilayer))
        {
            throw new ArgumentException($"--rule {rule.ToString().ToLowerInvariant()} is a single-layer rule; a multilayer chip takes hebb, pinv or multilayer");
        }
    }

    /// <summary>Weight (output, input) of layer <paramref name="layer"/> is stuck when any of its devices is (the read-verify scan's map).</summary>
    public static bool[] StuckMap(Chip chip, int layer)
    {
        var shape = chip.Layers[layer];
        var stuck = new bool[shape.Outputs * shape.Inputs];
        for (int o = 0; o < shape.Outputs; o++)
        {
            for (int i = 0; i < shape.Inputs; i++)
            {
                stuck[(o * shape.Inputs) + i] = !shape.Programmable(o, i);
            }
        }

        return stuck;
    }
}
