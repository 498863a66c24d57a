namespace Engram.Components.Training;

/// <summary>Energy and simulated time of one phase of training in one epoch.</summary>
public readonly record struct PhaseCost(double EnergyJ, long LatencyPs);

/// <summary>The phases a training epoch's costs are split into.</summary>
public enum TrainingPhase
{
    Forward,
    Backward,
    Update,
    Transfer,
    Digital,
    Test,
}

/// <summary>
/// One epoch: mean training loss and accuracy (seen during the epoch), test accuracy after it, and what the
/// epoch cost on the chip (test reads apart), with the row-by-row write-verify estimate of the same weight changes.
/// </summary>
public sealed record EpochResult(
    int Epoch,
    double Loss,
    double TrainAccuracy,
    double TestAccuracy,
    double EnergyJ,
    long LatencyPs,
    long Pulses,
    long TransferEvents,
    IReadOnlyDictionary<TrainingPhase, PhaseCost> Phases,
    double WriteVerifyEnergyJ,
    long WriteVerifyLatencyPs)
{
    /// <summary>The epoch's training energy per block kind (ledger kinds; test reads apart).</summary>
    public IReadOnlyDictionary<string, double> EnergyByKindJ { get; init; } = new Dictionary<string, double>();
}
