using Engram.Components.Arch;
using Engram.Components.Training;

namespace Engram.Workloads.Training;

/// <summary>What <c>engram train</c> asks for: the algorithm, epochs, mini-batch and seed.</summary>
public sealed record TrainingSettings(TrainingAlgorithm Algorithm, int Epochs, int BatchSize, ulong Seed);

/// <summary>One training run on one chip with one seed: the chip as it ended, and every epoch's figures.</summary>
public sealed record TrainingRun(TrainingSettings Settings, TrainingChip Chip, IReadOnlyList<EpochResult> Epochs)
{
    /// <summary>Trains <paramref name="spec"/>'s MLP on <paramref name="data"/>; <paramref name="onEpoch"/> sees each epoch as it ends.</summary>
    public static TrainingRun Execute(ChipSpec spec, TrainingData data, TrainingSettings settings, bool keepTrace = false, Action<EpochResult>? onEpoch = null)
    {
        var chip = new TrainingChip(spec, settings.Algorithm, settings.Seed, keepTrace);
        var trainer = new MlpTrainer(chip, settings.BatchSize);
        var epochs = trainer.Train(data, settings.Epochs, onEpoch);
        chip.Ledger.Close(chip.Sim.Now);
        return new TrainingRun(settings, chip, epochs);
    }
}
