using Engram.Components.Arch;
using Engram.Components.Chips;
using Engram.Components.Scheduling;
using Engram.Models.Metrics;
using Engram.Models.Networks;
using Engram.Sim.Random;

namespace Engram.Workloads.Capacity;

/// <summary>What recalls on the chip cost at one grid point: mean energy and latency per recall.</summary>
public sealed record ChipRecallCost(double FaultRate, int Patterns, double EnergyPerRecallJ, double LatencyPerRecallPs);

/// <summary>A capacity report measured on a chip, with the cost of its recalls.</summary>
public sealed record ChipCapacityReport(CapacityReport Report, IReadOnlyList<ChipRecallCost> Costs);

/// <summary>
/// The capacity protocol of <see cref="CapacityExperiment"/> with every recall on a chip: per fault rate and grid
/// point one build of the chip (its card's stuck devices at that rate, from the chip's named streams), the learner
/// trained around that chip's own fault map (a weight is stuck when any of its devices is), its weights programmed
/// set-to-target through the device model and its biases in the neurons; then every trial's cues (the same
/// streams as the software protocol) recalled synchronously on the chip: DAC, conductances with variation and
/// faults, read noise, converters. Grid points run in parallel, each on its own chip and its trials in order.
/// </summary>
public static class ChipCapacityExperiment
{
    public static ChipCapacityReport Run(IMemoryLearner learner, CapacitySettings settings, ChipSpec chip, Action<int, string>? progress = null)
    {
        settings.Validate();
        if (settings.Neurons != chip.Network.Neurons)
        {
            throw new ArgumentException($"the chip has N = {chip.Network.Neurons}, the protocol asks for {settings.Neurons}");
        }

        if (settings.Variation > 0)
        {
            throw new ArgumentException("--variation is the software model of device variation; on the chip the device card's variation applies");
        }

        var streams = new RandomStreams(settings.Seed);
        var pool = PatternPool.Load(settings, streams);
        var grid = settings.Grid.ToArray();
        var subsets = CapacityStreams.Subsets(pool, grid, streams, settings.SubsetDraw);

        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads };
        var runs = new List<CapacityRun>();
        var costs = new List<ChipRecallCost>();
        int finished = 0;
        var gate = new Lock();
        foreach (double rate in settings.FaultRates)
        {
            var faulty = chip.WithStuckRate(rate);
            var points = new CapacityPoint[grid.Length];
            var pointCosts = new ChipRecallCost[grid.Length];
            Parallel.For(0, grid.Length, options, g =>
            {
                (points[g], pointCosts[g]) = GridPoint(learner, settings, faulty, rate, grid[g], subsets[g], streams);
                if (progress is not null)
                {
                    lock (gate)
                    {
                        progress(++finished, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fault rate {rate:G3}, P = {grid[g]}"));
                    }
                }
            });

            runs.Add(new CapacityRun(rate, new CapacityCurve(points)));
            costs.AddRange(pointCosts);
        }

        return new ChipCapacityReport(new CapacityReport(learner.Name, settings, runs), costs);
    }

    private static (CapacityPoint, ChipRecallCost) GridPoint(IMemoryLearner learner, CapacitySettings settings, ChipSpec spec, double rate, int p, double[][] patterns, RandomStreams streams)
    {
        var chip = new Chip(spec, settings.Seed);
        var maps = Enumerable.Range(0, chip.Layers.Count).Select(l => Recall.RecallExperiment.StuckMap(chip, l)).ToList();
        var context = new LearningContext(FaultDraws.Fixed(maps), rate, settings.Continuous, CapacityStreams.Learn(streams, settings.SubsetDraw, p).AsSystemRandom());
        Program(chip, learner.Learn(patterns, context));
        var scheduler = RecallSchedulers.Parse(Schedule.Sync);
        int trials = settings.Trials;
        var similarity = new double[trials];
        var exact = new double[trials];
        double energyJ = 0, latencyPs = 0;
        ReadOnlySpan<double> OnChip(double[] cue)
        {
            var result = chip.Recall(cue, scheduler, UpdateOrder.Sequential, settings.MaxIterations);
            energyJ += result.EnergyJ;
            latencyPs += result.LatencyPs;
            return result.FinalState;
        }

        for (int t = 0; t < trials; t++)
        {
            var rng = CapacityStreams.Trial(streams, settings.SubsetDraw, p, t).AsSystemRandom();
            (similarity[t], exact[t]) = CapacityExperiment.Trial(patterns, settings, rng, OnChip);
        }

        int recalls = trials * patterns.Length;
        var (simMean, simStd) = CapacityExperiment.MeanStd(similarity);
        var (exactMean, exactStd) = CapacityExperiment.MeanStd(exact);
        return (new CapacityPoint(p, simMean, exactMean, simStd, exactStd), new ChipRecallCost(rate, p, energyJ / recalls, latencyPs / recalls));
    }

    // The learnt memory's layers onto the chip's layers, biases into its neurons.
    private static void Program(Chip chip, IAssociativeMemory memory)
    {
        switch (memory)
        {
            case SingleLayerMemory single when chip.Layers.Count == 1:
                chip.Program(0, single.Weights);
                chip.SetBias(0, single.Bias.ToArray());
                break;
            case MultilayerMemory multi when multi.Layers.Count == chip.Layers.Count:
                for (int l = 0; l < multi.Layers.Count; l++)
                {
                    chip.Program(l, multi.Layers[l].Weights);
                    chip.SetBias(l, multi.Layers[l].Bias);
                }

                break;
            default:
                throw new ArgumentException($"a {memory.GetType().Name} does not fit a chip of {chip.Layers.Count} layer(s)");
        }
    }
}
