using System.Diagnostics;
using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Training;
using Engram.Workloads.Training;

namespace Engram.Bench.Training;

/// <summary>
/// <c>training [--algorithm shd] [--epochs 10] [--chip arch/chips/train-digits.yaml]</c>: wall time of training the
/// digits MLP on the chip (setup, every epoch and its test pass), with the simulated figures next to it.
/// </summary>
public static class TrainingBench
{
    public static int Run(string[] args)
    {
        string algorithm = Value(args, "--algorithm") ?? "shd";
        int epochs = BenchArgs.PositiveCount(args, "--epochs", 10) ?? 10;
        string chip = Value(args, "--chip") ?? Path.Combine(FindRoot(), "arch", "chips", "train-digits.yaml");
        var spec = ChipLoader.Load(chip);
        var data = TrainingTasks.Load(TrainingTasks.Digits, null);
        var settings = new TrainingSettings(TrainingAlgorithms.Get(algorithm), epochs, 1, 1);
        var clock = Stopwatch.StartNew();
        var run = TrainingRun.Execute(spec, data, settings);
        double wallS = clock.Elapsed.TotalSeconds;
        var last = run.Epochs[^1];
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"training {algorithm} on {spec.Name}: {epochs} epochs x {data.TrainInputs.Length} samples in {wallS:F2} s wall ({wallS / epochs:F3} s per epoch)"));
        Console.WriteLine(string.Create(c, $"  final test accuracy {last.TestAccuracy:P2}; {run.Epochs.Sum(e => e.Pulses)} pulses; simulated {run.Chip.Sim.Now * 1e-9:F3} ms; {run.Chip.Sim.ProcessedEvents} kernel events"));
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "arch", "chips")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
