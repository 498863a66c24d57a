using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Ledger;
using Engram.Components.Scheduling;

namespace Engram.Workloads.Recall;

/// <summary>
/// Runs recall schedules on one chip — same devices, same programmed weights, same patterns and cues — every
/// recall of the first schedule, then every recall of the next, and splits the ledger between the phases.
/// </summary>
public static class ScheduleComparison
{
    /// <summary>The published pair: synchronous, then asynchronous.</summary>
    public static readonly IReadOnlyList<string> Default = [Schedule.Sync, Schedule.Async];

    public static Comparison Run(ChipSpec spec, RecallSettings settings) => Run(spec, settings, Default);

    /// <summary>Runs <paramref name="schedules"/> (sync first when the list lacks it: every figure is reported against it).</summary>
    public static Comparison Run(ChipSpec spec, RecallSettings settings, IReadOnlyList<string> schedules)
    {
        var names = schedules.Contains(Schedule.Sync) ? schedules : [Schedule.Sync, .. schedules];
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"each schedule may appear once, got {string.Join(",", schedules)}");
        }

        var schedulers = names.Select(RecallSchedulers.Parse).ToList();
        var (chip, patterns, cues, programming) = RecallExperiment.Prepare(spec, settings);
        var figures = new List<ScheduleFigures>();
        var before = Snapshot(chip.Ledger);
        for (int s = 0; s < schedulers.Count; s++)
        {
            var recalls = cues.Select(c => chip.Recall(c, schedulers[s], spec.Controller.Order, spec.Controller.MaxIterations)).ToList();
            var after = Snapshot(chip.Ledger);
            figures.Add(Figures(names[s], new RecallOutcome(recalls, patterns), Difference(after, before), chip.StaticPowerW));
            before = after;
        }

        return new Comparison(spec.Network.Neurons, patterns.Length, figures) { Programming = programming };
    }

    private static ScheduleFigures Figures(string schedule, RecallOutcome outcome, Dictionary<string, double> energyByKind, double staticPowerW)
    {
        int recalls = outcome.Recalls.Count;
        var perRecall = energyByKind.ToDictionary(k => k.Key, k => k.Value / recalls, StringComparer.Ordinal);
        if (staticPowerW > 0)
        {
            perRecall["leakage"] = staticPowerW * outcome.MeanLatencyPs * 1e-12;
        }

        return new ScheduleFigures(schedule, outcome.MeanEnergyJ, outcome.MeanLatencyPs, outcome.MeanIterations, outcome.ExactFraction, perRecall) { MeanSimilarity = outcome.MeanSimilarity, Updates = outcome.MeanUpdates };
    }

    private static Dictionary<string, double> Snapshot(EnergyLedger ledger) =>
        new(ledger.ByKind(), StringComparer.Ordinal);

    // Programming happened before the first schedule: it is no schedule's cost.
    private static Dictionary<string, double> Difference(Dictionary<string, double> later, Dictionary<string, double> earlier) =>
        later.Where(k => k.Key != BlockKinds.Programmer)
            .ToDictionary(k => k.Key, k => k.Value - earlier.GetValueOrDefault(k.Key), StringComparer.Ordinal);
}
