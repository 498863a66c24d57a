using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Engram.Bench.Kernel;

namespace Engram.Bench;

/// <summary>
/// <c>kernel [--json] [--runs N] [--heap]</c>: the kernel throughput models of docs/kernel.md on the default
/// queue (with <c>--heap</c>, also on the reference heap, labelled <c>queue=heap</c>).
/// <c>capacity [--rules R1,R2] [--trials T]</c>: the N = 64 capacity sweep of the paper's protocol, timed.
/// <c>adaptive-phases [--epochs E] [--double]</c>: the adaptive sweep's training alone, timed.
/// <c>recall [--n 64,1024,4096] [--runs R] [--json]</c>: simulated recall against a bare GEMV of the same weights.
/// <c>training [--algorithm shd] [--epochs 10]</c>: wall time of training the digits MLP on train-digits.yaml.
/// <c>bdn [BenchmarkDotNet arguments]</c>: the BenchmarkDotNet suites (e.g. <c>bdn --filter *Queue*</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "kernel")
        {
            return RunKernel(args[1..]);
        }


        if (args.Length > 0 && args[0] == "capacity")
        {
            return Capacity.CapacitySweepBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "adaptive-phases")
        {
            return Capacity.AdaptivePhasesBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "recall")
        {
            return Recall.RecallBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "wires")
        {
            return Recall.WireBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "training")
        {
            return Training.TrainingBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }

        Console.Error.WriteLine("usage: Engram.Bench kernel [--json] [--runs N] [--heap] | capacity [--rules pinv,adaptive] [--trials T] | adaptive-phases [--epochs E] [--double] | recall [--n 64,1024,4096] [--runs R] [--json] | wires [--n 256] | training [--algorithm shd] [--epochs 10] | bdn [BenchmarkDotNet arguments]");
        return 2;
    }

    private static int RunKernel(string[] args)
    {
        bool json = args.Contains("--json");
        if (BenchArgs.PositiveCount(args, "--runs", 5) is not int runs)
        {
            return 2;
        }

        var results = new List<ThroughputResult>();
        foreach (var model in ThroughputRunner.AllModels(withHeap: args.Contains("--heap")))
        {
            var r = ThroughputRunner.Measure(model, runs);
            results.Add(r);
            if (!json)
            {
                Console.Error.WriteLine($"  measured {r.Model} {r.Params}");
            }
        }

        Console.WriteLine(json ? ToJson(results) : ToTable(results, runs));
        return 0;
    }

    private static string ToTable(IReadOnlyList<ThroughputResult> results, int runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Kernel throughput, million wakeups per second (median of {runs} runs)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"model",-6}{"params",-34}{"median",9}{"min",9}{"max",9}{"B/wakeup",10}{"timed wakeups",14}{"final tick",16}");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Model,-6}{r.Params,-34}{r.MedianMwps,9:F1}{r.MinMwps,9:F1}{r.MaxMwps,9:F1}{r.BytesPerWakeup,10:F2}{r.Wakeups,14}{r.FinalTick,16}");
        }

        return sb.ToString();
    }

    private static string ToJson(IReadOnlyList<ThroughputResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("[");
        for (int i = 0; i < results.Count; i++)
        {
            var r = results[i];
            sb.Append(i == 0 ? "\n  " : ",\n  ");
            sb.Append(c, $"{{\"model\":\"{r.Model}\",\"params\":\"{r.Params}\",\"median_mwps\":{r.MedianMwps:F3},\"min_mwps\":{r.MinMwps:F3},\"max_mwps\":{r.MaxMwps:F3},\"bytes_per_wakeup\":{r.BytesPerWakeup:F3},\"wakeups\":{r.Wakeups},\"final_tick\":{r.FinalTick}}}");
        }

        sb.Append("\n]");
        return sb.ToString();
    }
}
