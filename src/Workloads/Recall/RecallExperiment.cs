using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Models.Learning;
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
    public static (Chip Chip, RecallOutcome Outcome) Run(ChipSpec spec, RecallSettings settings, Schedule schedule, bool keepTrace = false)
    {
        var (chip, patterns, cues) = Prepare(spec, settings, keepTrace);
        var recalls = RecallAll(chip, cues, schedule);
        chip.Finish();
        return (chip, new RecallOutcome(recalls, patterns));
    }

    /// <summary>Builds the chip, draws the patterns and their corrupted cues from named streams, and programs the weights.</summary>
    public static (Chip Chip, double[][] Patterns, IReadOnlyList<double[]> Cues) Prepare(ChipSpec spec, RecallSettings settings, bool keepTrace = false)
    {
        settings.Validate(spec.Network.Neurons);
        var chip = new Chip(spec, settings.Seed, keepTrace);
        var streams = new RandomStreams(settings.Seed);
        var patterns = RandomPatterns.Binary(settings.Patterns, spec.Network.Neurons, streams.Stream("workload/patterns").AsSystemRandom());
        var cueRandom = streams.Stream("workload/cues").AsSystemRandom();
        var cues = patterns.Select(p => CueCorruption.FlipBits(p, settings.CueFlip, cueRandom)).ToList();
        ProgramWeights(chip, spec, settings.Rule, patterns);
        return (chip, patterns, cues);
    }

    /// <summary>One recall per cue with the chip's own order and iteration limit.</summary>
    public static List<RecallResult> RecallAll(Chip chip, IReadOnlyList<double[]> cues, Schedule schedule) =>
        cues.Select(c => chip.Recall(c, schedule, chip.Spec.Controller.Order, chip.Spec.Controller.MaxIterations)).ToList();

    /// <summary>
    /// Single layer: Hebb or pseudo-inverse weights. Multilayer: the bias-free bipartite memory of
    /// <see cref="BipartiteMemory"/> (trained nets need biases the chip lacks), Hebbian or inverse-correlation decoder by the rule.
    /// </summary>
    public static void ProgramWeights(Chip chip, ChipSpec spec, WeightRuleKind rule, double[][] patterns)
    {
        int n = spec.Network.Neurons;
        if (spec.Network.Kind == NetworkKind.SingleLayer)
        {
            IWeightRule learner = rule == WeightRuleKind.Hebb ? new HebbRule() : new PseudoInverseRule();
            chip.Program(0, learner.Learn(patterns));
            return;
        }

        var (w1, w2) = BipartiteMemory.Weights(patterns, spec.Network.Hidden, inverseDecoder: rule == WeightRuleKind.Pinv);
        chip.Program(0, w1);
        chip.Program(1, w2);
    }
}
