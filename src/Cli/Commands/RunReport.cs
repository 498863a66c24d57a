using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Workloads.Recall;
using Engram.Workloads.Reports;

namespace Engram.Cli.Commands;

/// <summary>The numbers of one <c>engram run</c>, as stats and as the one-screen summary.</summary>
internal sealed record RunReport(IReadOnlyList<Stat> Stats, string Summary)
{
    public static RunReport Build(ChipSpec spec, Chip chip, RecallOutcome outcome, string schedule, RecallSettings settings)
    {
        var stats = new List<Stat>
        {
            new("chip.neurons", spec.Network.Neurons, "Count", "visible neurons N"),
            new("chip.area", chip.TotalAreaUm2, "SquareMicrometer", "total area of the simulated components"),
            new("chip.clockPeriod", spec.Clock.PeriodPs, "Picosecond", "clock period"),
            new("recall.count", outcome.Recalls.Count, "Count", "recalls run (one per stored pattern)"),
            new("recall.patterns", settings.Patterns, "Count", "stored patterns P"),
            new("recall.cueFlip", settings.CueFlip, "Ratio", "probability of flipping a cue bit"),
            new("recall.energyPerRecall", outcome.MeanEnergyJ, "Joule", "mean energy of one recall"),
            new("recall.latencyPerRecall", outcome.MeanLatencyPs, "Picosecond", "mean latency of one recall"),
            new("recall.iterations::mean", outcome.MeanIterations, "Count", schedule == Schedule.Sync ? "mean synchronous iterations per recall" : schedule == Schedule.Async ? "mean asynchronous sweeps per recall" : $"mean {schedule} sweeps per recall"),
            new("recall.converged", outcome.ConvergedFraction, "Ratio", "fraction of recalls that converged before the iteration limit"),
            new("recall.exact", outcome.ExactFraction, "Ratio", "fraction of recalls equal to the stored pattern"),
            new("recall.similarity::mean", outcome.MeanSimilarity, "Ratio", "mean cosine similarity to the stored pattern"),
            new("sim.ticks", chip.Sim.Now, "Picosecond", "simulated time"),
            new("sim.events", chip.Sim.ProcessedEvents, "Count", "kernel events processed"),
            new("ledger.energy", chip.Ledger.TotalEnergyJ, "Joule", "all energy charged, leakage included"),
            new("trace.droppedEntries", chip.Ledger.DroppedEntries, "Count", "ledger entries beyond the trace cap (in totals, not in traces)"),
        };
        if (outcome.Programming is { } program)
        {
            stats.Add(new("program.energy", program.EnergyJ, "Joule", "energy of the write-verify programming phase"));
            stats.Add(new("program.latency", program.LatencyPs, "Picosecond", "time of the write-verify programming phase"));
            stats.Add(new("program.pulses", program.Pulses, "Count", "programming pulses"));
            stats.Add(new("program.verifyReads", program.VerifyReads, "Count", "verify reads"));
            stats.Add(new("program.unconverged", program.Unconverged, "Count", "cells that missed the card's tolerance"));
        }

        foreach (var (kind, energyJ) in chip.Ledger.ByKind())
        {
            stats.Add(new($"energy.{kind}", energyJ, "Joule", $"energy of all {kind}"));
        }

        var c = CultureInfo.InvariantCulture;
        string summary = string.Join('\n',
            string.Create(c, $"{spec.Name}: {schedule} recall, N = {spec.Network.Neurons}, {settings.Patterns} patterns ({settings.Rule.ToString().ToLowerInvariant()}), cue flip {settings.CueFlip:G3}, seed {settings.Seed}"),
            string.Create(c, $"  energy per recall    {outcome.MeanEnergyJ * 1e12:F3} pJ"),
            string.Create(c, $"  latency per recall   {outcome.MeanLatencyPs / 1e3:F3} ns"),
            string.Create(c, $"  iterations           {outcome.MeanIterations:F2} {(schedule == Schedule.Sync ? "iterations" : "sweeps")} (converged {outcome.ConvergedFraction:P0})"),
            string.Create(c, $"  accuracy             {outcome.ExactFraction:P1} exact, similarity {outcome.MeanSimilarity:F4}"),
            string.Create(c, $"  area                 {chip.TotalAreaUm2 / 1e6:F4} mm2"));
        if (outcome.Programming is { } p)
        {
            summary += "\n" + string.Create(c, $"  programming          {p.EnergyJ * 1e12:F3} pJ, {p.LatencyPs / 1e3:F3} ns (write-verify: {p.Pulses} pulses, {p.VerifyReads} verify reads)");
        }

        return new RunReport(stats, summary);
    }

    public void WriteSummary(TextWriter output, string outDir)
    {
        output.WriteLine(Summary);
        output.WriteLine($"  wrote                {outDir}/{{stats.txt, stats.json, breakdown.csv, trace.json, trace.vcd}}");
    }
}
