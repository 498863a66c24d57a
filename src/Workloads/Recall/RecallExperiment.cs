using Engram.Components.Arch;
using Engram.Components.Blocks.Programming;
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
        var patterns = RandomPatterns.Binary(settings.Patterns, spec.Network.Neurons, streams.Stream("workload/patterns").AsSystemRandom());
        var cueRandom = streams.Stream("workload/cues").AsSystemRandom();
        var cues = patterns.Select(p => CueCorruption.FlipBits(p, settings.CueFlip, cueRandom)).ToList();
        var programming = ProgramWeights(chip, spec, settings.Rule, patterns, settings.Program);
        return (chip, patterns, cues, programming);
    }

    /// <summary>One recall per cue with the chip's own order and iteration limit.</summary>
    public static List<RecallResult> RecallAll(Chip chip, IReadOnlyList<double[]> cues, string schedule) =>
        cues.Select(c => chip.Recall(c, schedule, chip.Spec.Controller.Order, chip.Spec.Controller.MaxIterations)).ToList();

    /// <summary>
    /// Single layer: Hebb or pseudo-inverse weights. Multilayer: the bias-free bipartite memory of
    /// <see cref="BipartiteMemory"/> (trained nets need biases the chip lacks), Hebbian or inverse-correlation decoder by the rule.
    /// </summary>
    public static ProgrammingResult? ProgramWeights(Chip chip, ChipSpec spec, WeightRuleKind rule, double[][] patterns, ProgramMode mode = ProgramMode.Set)
    {
        double[][] layers;
        if (spec.Network.Kind == NetworkKind.SingleLayer)
        {
            IWeightRule learner = rule == WeightRuleKind.Hebb ? new HebbRule() : new PseudoInverseRule();
            layers = [learner.Learn(patterns)];
        }
        else
        {
            var (w1, w2) = BipartiteMemory.Weights(patterns, spec.Network.Hidden, inverseDecoder: rule == WeightRuleKind.Pinv);
            layers = [w1, w2];
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
}
