using Engram.Components.Arch;
using Engram.Components.Training;
using Engram.Workloads.Reports;

namespace Engram.Workloads.Training;

/// <summary>The stats of one training run (stats.txt / stats.json): accuracy, and cost per epoch against the write-verify estimate.</summary>
public static class TrainingReport
{
    public static IReadOnlyList<Stat> Stats(ChipSpec spec, TrainingRun run, TrainingData data)
    {
        var epochs = run.Epochs;
        var last = epochs[^1];
        double energyJ = epochs.Average(e => e.EnergyJ);
        double latencyPs = epochs.Average(e => e.LatencyPs);
        double wvJ = epochs.Average(e => e.WriteVerifyEnergyJ);
        double wvPs = epochs.Average(e => e.WriteVerifyLatencyPs);
        var update = epochs.Average(e => e.Phases.TryGetValue(TrainingPhase.Update, out var p) ? p.EnergyJ : 0)
                     + epochs.Average(e => e.Phases.TryGetValue(TrainingPhase.Transfer, out var p) ? p.EnergyJ : 0);
        var updatePs = epochs.Average(e => e.Phases.TryGetValue(TrainingPhase.Update, out var p) ? p.LatencyPs : 0)
                       + epochs.Average(e => e.Phases.TryGetValue(TrainingPhase.Transfer, out var p) ? p.LatencyPs : 0);
        var stats = new List<Stat>
        {
            new("train.epochs", epochs.Count, "count", "epochs trained"),
            new("train.samples", data.TrainInputs.Length, "count", $"training samples per epoch ({data.Name})"),
            new("train.testSamples", data.TestInputs.Length, "count", "test samples"),
            new("train.seed", run.Settings.Seed, "count", "master seed"),
            new("train.finalLoss", last.Loss, "nats", "mean cross-entropy over the last epoch"),
            new("train.finalTrainAccuracy", last.TrainAccuracy, "fraction", "training accuracy seen during the last epoch"),
            new("train.finalTestAccuracy", last.TestAccuracy, "fraction", "test accuracy after the last epoch"),
            new("train.energyPerEpoch", energyJ, "J", "mean energy of a training epoch (test reads apart)"),
            new("train.latencyPerEpoch", latencyPs, "ps", "mean simulated time of a training epoch"),
            new("train.pulsesPerEpoch", epochs.Average(e => e.Pulses), "count", "mean pulses per epoch"),
            new("train.transferEventsPerEpoch", epochs.Average(e => e.TransferEvents), "count", "mean transfer events per epoch"),
            new("train.updateEnergyPerEpoch", update, "J", "pulse updates and transfers per epoch"),
            new("train.updateLatencyPerEpoch", updatePs, "ps", "time of the pulse updates and transfers per epoch"),
            new("train.writeVerifyEnergyPerEpoch", wvJ, "J", "the same weight changes programmed row by row with write-verify (lower bound)"),
            new("train.writeVerifyLatencyPerEpoch", wvPs, "ps", "time of that row-by-row write-verify"),
            new("train.writeVerifyEnergyRatio", update > 0 ? wvJ / update : 0, "ratio", "write-verify energy / parallel update energy"),
            new("train.writeVerifyLatencyRatio", updatePs > 0 ? wvPs / updatePs : 0, "ratio", "write-verify time / parallel update time"),
            new("sim.finalTick", run.Chip.Sim.Now, "ps", "simulated time including setup and test reads"),
            new("energy.total", run.Chip.Ledger.TotalEnergyJ, "J", "everything the ledger charged, setup and test reads included"),
            new("trace.droppedEntries", run.Chip.Ledger.DroppedEntries, "count", $"ledger entries beyond the trace's first {TrainingChip.TraceEntries} (not in trace.json / trace.vcd; every total still counts them)"),
        };
        foreach (var (kind, j) in run.Chip.Ledger.ByKind().OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            stats.Add(new($"energy.byKind.{kind}", j, "J", $"energy of every {kind} block"));
        }

        return stats;
    }
}
