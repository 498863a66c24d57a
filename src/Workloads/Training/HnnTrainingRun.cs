using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Scheduling;
using Engram.Models.Metrics;
using Engram.Models.Patterns;
using Engram.Sim.Random;

namespace Engram.Workloads.Training;

/// <summary>
/// <c>engram train CHIP --task hnn --algorithm adaptive</c>: He et al.'s hardware-adaptive learning of P random
/// binary patterns with the chip in the loop (<see cref="ChipInLoopTrainer"/>; stuck devices from the chip's own
/// fault map at <paramref name="FaultRate"/>), then every pattern recalled on the same chip, synchronously, from a
/// cue with a fraction <paramref name="CueFlip"/> of its bits flipped. No bias is trained: the recall chip has no
/// bias path yet, so a bias learnt off the array could not be used by the recall.
/// </summary>
public sealed record HnnTrainingSettings(int Patterns, double FaultRate, int Epochs, double LearningRate, ulong Seed, double CueFlip = 0.05);

/// <summary>One trained memory: its final loss, its recall on the chip, and what training and recall cost.</summary>
public sealed record HnnTrainingOutcome(
    HnnTrainingSettings Settings,
    double FinalLoss,
    double ExactRecall,
    double MeanSimilarity,
    long Pulses,
    double TrainingEnergyJ,
    long TrainingLatencyPs,
    double RecallEnergyJ,
    long RecallLatencyPs,
    Chip Chip)
{
    /// <summary>Trains and recalls one memory on a fresh build of <paramref name="spec"/>.</summary>
    public static HnnTrainingOutcome Execute(ChipSpec spec, HnnTrainingSettings settings)
    {
        if (spec.Network.Kind != NetworkKind.SingleLayer)
        {
            throw new ArgumentException($"{spec.File}: --task hnn trains a single-layer memory; the chip's network is {spec.Network.Kind.ToString().ToLowerInvariant()}");
        }

        var chip = new Chip(spec.WithStuckRate(settings.FaultRate), settings.Seed);
        var streams = new RandomStreams(settings.Seed);
        int n = chip.Neurons;
        var patterns = RandomPatterns.Binary(settings.Patterns, n, streams.Stream("training/patterns").AsSystemRandom());
        var trained = ChipInLoopTrainer.Train(chip, patterns, new ChipInLoopSettings(settings.Epochs, settings.LearningRate, 1.0, settings.Seed, Bias: false));
        var cues = streams.Stream("training/cues").AsSystemRandom();
        var scheduler = RecallSchedulers.Parse(Schedule.Sync);
        int exact = 0;
        double similarity = 0, energyJ = 0;
        long latencyPs = 0;
        foreach (var pattern in patterns)
        {
            var cue = CueCorruption.FlipBits(pattern, settings.CueFlip, cues);
            var recalled = chip.Recall(cue, scheduler, UpdateOrder.Random, spec.Controller.MaxIterations);
            similarity += RecallMetrics.Cosine(recalled.FinalState, pattern);
            exact += RecallMetrics.ExactRecall(recalled.FinalState, pattern) ? 1 : 0;
            energyJ += recalled.EnergyJ;
            latencyPs += recalled.LatencyPs;
        }

        chip.Finish();
        int p = patterns.Length;
        return new HnnTrainingOutcome(settings, trained.Losses[^1], exact / (double)p, similarity / p, trained.PulsesTotal, trained.TrainingEnergyJ, trained.TrainingLatencyPs, energyJ / p, latencyPs / p, chip);
    }
}
