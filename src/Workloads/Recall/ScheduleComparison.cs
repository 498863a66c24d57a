using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Ledger;

namespace Engram.Workloads.Recall;

/// <summary>
/// Runs both schedules on one chip — same devices, same programmed weights, same patterns and cues — first
/// every synchronous recall, then every asynchronous one, and splits the ledger between the two phases.
/// </summary>
public static class ScheduleComparison
{
    public static Comparison Run(ChipSpec spec, RecallSettings settings)
    {
        var (chip, patterns, cues) = RecallExperiment.Prepare(spec, settings);
        var before = Snapshot(chip.Ledger);
        var sync = RecallExperiment.RecallAll(chip, cues, Schedule.Sync);
        var middle = Snapshot(chip.Ledger);
        var async = RecallExperiment.RecallAll(chip, cues, Schedule.Async);
        var after = Snapshot(chip.Ledger);

        return new Comparison(
            spec.Network.Neurons,
            patterns.Length,
            Figures(new RecallOutcome(sync, patterns), Difference(middle, before), chip.StaticPowerW),
            Figures(new RecallOutcome(async, patterns), Difference(after, middle), chip.StaticPowerW));
    }

    private static ScheduleFigures Figures(RecallOutcome outcome, Dictionary<string, double> energyByKind, double staticPowerW)
    {
        int recalls = outcome.Recalls.Count;
        var perRecall = energyByKind.ToDictionary(k => k.Key, k => k.Value / recalls, StringComparer.Ordinal);
        if (staticPowerW > 0)
        {
            perRecall["leakage"] = staticPowerW * outcome.MeanLatencyPs * 1e-12;
        }

        return new ScheduleFigures(outcome.MeanEnergyJ, outcome.MeanLatencyPs, outcome.MeanIterations, outcome.ExactFraction, perRecall);
    }

    private static Dictionary<string, double> Snapshot(EnergyLedger ledger) =>
        new(ledger.ByKind(), StringComparer.Ordinal);

    private static Dictionary<string, double> Difference(Dictionary<string, double> later, Dictionary<string, double> earlier) =>
        later.ToDictionary(k => k.Key, k => k.Value - earlier.GetValueOrDefault(k.Key), StringComparer.Ordinal);
}
