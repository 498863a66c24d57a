using System.Diagnostics;
using System.Globalization;
using Engram.Workloads.Capacity;

namespace Engram.Bench.Capacity;

/// <summary>
/// <c>capacity [--rules pinv,adaptive] [--trials T]</c>: the N = 64 capacity sweep with the paper's protocol
/// (docs/associative-memory.md: random ±1 patterns, fresh subsets per P, cue flip 0.05, 20 trials, K = 102 / 100 iterations,
/// stuck-fault rates 0, 0.1, 0.3, 0.5 on nested maps) — wall time per rule, and the capacities it found.
/// </summary>
public static class CapacitySweepBench
{
    public static int Run(string[] args)
    {
        string[] rules = BenchArgs.Value(args, "--rules")?.Split(',') ?? ["pinv", "adaptive"];
        if (BenchArgs.PositiveCount(args, "--trials", 20) is not int trials)
        {
            return 2;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = 64 capacity sweep, faults 0/0.1/0.3/0.5, {trials} trials, grid {string.Join(",", CapacitySettings.DefaultGrid(64))}, {Environment.ProcessorCount} threads"));
        foreach (string rule in rules)
        {
            var settings = new CapacitySettings
            {
                Neurons = 64,
                Grid = CapacitySettings.DefaultGrid(64),
                FaultRates = [0, 0.1, 0.3, 0.5],
                Trials = trials,
                MaxIterations = LearnerCatalog.DefaultIterations(rule),
            };
            var clock = Stopwatch.StartNew();
            var report = CapacityExperiment.Run(LearnerCatalog.Create(rule), settings);
            clock.Stop();
            string capacities = string.Join("  ", report.Runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"p={r.FaultRate:G2}: {r.Capacity099}/{r.Capacity095}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rule,-10} {clock.Elapsed.TotalSeconds,8:F1} s   capacity(0.99)/(0.95) {capacities}"));
        }

        return 0;
    }
}
