using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Models.Patterns;
using Engram.Sim.Random;

namespace Engram.Workloads.Recall;

/// <summary>
/// Runs both schedules on one chip — same devices, same programmed weights, same patterns and cues — first
/// every synchronous recall, then every asynchronous one, and splits the ledger between the two phases.
/// </summary>
public static class ScheduleComparison
{
    public static Comparison Run(ChipSpec spec, RecallSettings settings)
    {
        settings.Validate(spec.Network.Neurons);
        var chip = new Chip(spec, settings.Seed);
        var streams = new RandomStreams(settings.Seed);
        var patterns = RandomPatterns.Binary(settings.Patterns, spec.Network.Neurons, streams.Stream("workload/patterns").AsSystemRandom());
        var cueRandom = streams.Stream("workload/cues").AsSystemRandom();
        var cues = patterns.Select(p => CueCorruption.FlipBits(p, settings.CueFlip, cueRandom)).ToList();
        RecallExperiment.ProgramWeights(chip, spec, settings.Rule, patterns);

        var before = Snapshot(chip.Ledger);
        var sync = cues.Select(c => chip.Recall(c, Schedule.Sync, spec.Controller.Order, spec.Controller.MaxIterations)).ToList();
        var middle = Snapshot(chip.Ledger);
        var async = cues.Select(c => chip.Recall(c, Schedule.Async, spec.Controller.Order, spec.Controller.MaxIterations)).ToList();
        var after = Snapshot(chip.Ledger);

        return new Comparison(
            spec.Network.Neurons,
            cues.Count,
            Figures(new RecallOutcome(sync, patterns), Difference(middle, before), chip.StaticPowerW),
            Figures(new RecallOutcome(async, patterns), Difference(after, middle), chip.StaticPowerW));
    }

    /// <summary>The component kind of a ledger path: its last segment (<c>L0/b1.2/adcs</c> → <c>adcs</c>).</summary>
    public static string KindOf(string componentPath)
    {
        int slash = componentPath.LastIndexOf('/');
        return slash < 0 ? componentPath : componentPath[(slash + 1)..];
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
        ledger.Breakdown().GroupBy(r => KindOf(r.ComponentPath), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.EnergyJ), StringComparer.Ordinal);

    private static Dictionary<string, double> Difference(Dictionary<string, double> later, Dictionary<string, double> earlier) =>
        later.ToDictionary(k => k.Key, k => k.Value - earlier.GetValueOrDefault(k.Key), StringComparer.Ordinal);
}
