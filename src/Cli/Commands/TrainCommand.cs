using System.CommandLine;
using System.Globalization;
using Engram.Components.Training;
using Engram.Workloads.Reports;
using Engram.Workloads.Traces;
using Engram.Workloads.Training;

namespace Engram.Cli.Commands;

/// <summary>
/// <c>engram train CHIP --task digits|mnist --algorithm fp|sgd|tiki-taka|ttv2|shd --out DIR</c>: trains the chip's MLP
/// by pulses, one run per seed (in parallel on <c>--threads</c>; results do not depend on it), and writes
/// training.csv (every seed), and for the first seed stats.txt, stats.json, breakdown.csv, trace.json and
/// trace.vcd, all at once (nothing on failure). A progress line per epoch goes to stderr.
/// </summary>
public static class TrainCommand
{
    private const string HnnTask = "hnn";
    private const string AdaptiveAlgorithm = "adaptive";

    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML with network.kind: mlp and a training: section (arch/chips/train-digits.yaml)" };
        var task = new Option<string>("--task") { Description = "digits | mnist (an mlp chip) | hnn (He et al.'s memory on a single-layer chip, with --algorithm adaptive)", DefaultValueFactory = _ => TrainingTasks.Digits };
        var algorithm = new Option<string>("--algorithm") { Description = string.Join(" | ", TrainingAlgorithms.Names) + " | adaptive (--task hnn)", Required = true };
        var patterns = new Option<string>("--patterns") { Description = "--task hnn: pattern counts P, comma-separated (one memory each)", DefaultValueFactory = _ => "8" };
        var faults = new Option<string?>("--faults") { Description = "--task hnn: stuck-device rates, comma-separated (default: the card's)" };
        var epochs = new Option<int>("--epochs") { Description = "epochs", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "mini-batch size (one rank-1 update per sample, the loss averaged over the batch)", DefaultValueFactory = _ => 1 };
        var lr = new Option<double?>("--lr") { Description = "gradient learning rate (default: the algorithm's, docs/training.md)" };
        var transferLr = new Option<double?>("--transfer-lr") { Description = "transfer rate A → C of tiki-taka, ttv2 and shd (default: the algorithm's)" };
        var seed = new Option<ulong>("--seed") { Description = "master seed", DefaultValueFactory = _ => 1 };
        var seeds = new Option<string?>("--seeds") { Description = "several master seeds, comma-separated (one run each; overrides --seed)" };
        var threads = new Option<int>("--threads") { Description = "runs trained at once (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var samples = new Option<int?>("--samples") { Description = "train on N training images, evenly spaced through the set (quick runs; the test set is unchanged)" };
        var data = new Option<string?>("--data") { Description = "folder with the digit data sets (default: the repository's data/)" };
        var outDir = new Option<string>("--out") { Description = "output folder (replaced as a whole when the run succeeds)", Required = true };
        var command = new Command("train", "Train a chip's MLP on a classification task by pulses, and write per-epoch accuracy, energy and latency.")
        {
            chip, task, algorithm, epochs, batch, lr, transferLr, seed, seeds, threads, samples, patterns, faults, data, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(task) == HnnTask || parse.GetValue(algorithm) == AdaptiveAlgorithm)
            {
                return RunHnn(parse, chip, task, algorithm, epochs, lr, seed, patterns, faults, threads, outDir);
            }

            var spec = ChipInput.TryLoad(parse.GetValue(chip)!, error, "train");
            if (spec is null)
            {
                return ChipInput.BadInput;
            }

            TrainingData taskData;
            TrainingAlgorithm chosen;
            ulong[] seedList;
            try
            {
                string name = parse.GetValue(algorithm)!;
                if (!TrainingAlgorithms.TryGet(name, out chosen))
                {
                    throw new ArgumentException($"--algorithm: expected one of {string.Join(", ", TrainingAlgorithms.Names)}, got '{name}'");
                }

                if (parse.GetValue(lr) is double rate)
                {
                    chosen = rate > 0 ? chosen.WithLearningRate(rate) : throw new ArgumentException($"--lr must be positive, got {rate}");
                }

                if (parse.GetValue(transferLr) is double transfer)
                {
                    chosen = transfer > 0 ? chosen.WithTransferLearningRate(transfer) : throw new ArgumentException($"--transfer-lr must be positive, got {transfer}");
                }

                if (parse.GetValue(epochs) < 1 || parse.GetValue(batch) < 1 || parse.GetValue(threads) < 1)
                {
                    throw new ArgumentException("--epochs, --batch and --threads must be at least 1");
                }

                seedList = parse.GetValue(seeds) is { } list
                    ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => ulong.Parse(s, CultureInfo.InvariantCulture))]
                    : [parse.GetValue(seed)];
                taskData = TrainingTasks.Load(parse.GetValue(task)!, parse.GetValue(data));
                if (parse.GetValue(samples) is int limit)
                {
                    taskData = limit >= 1 ? taskData.SubsetOfTrainingSamples(limit) : throw new ArgumentException($"--samples must be at least 1, got {limit}");
                }

                // Fails early, with the chip's own message, when the chip cannot train this way.
                _ = new TrainingChip(spec, chosen, seedList[0]);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IOException)
            {
                error.WriteLine($"engram train: {ex.Message}");
                return ChipInput.BadInput;
            }

            int total = parse.GetValue(epochs);
            var runs = new TrainingRun[seedList.Length];
            var gate = new object();
            Parallel.For(0, seedList.Length, new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(threads) }, k =>
            {
                var settings = new TrainingSettings(chosen, total, parse.GetValue(batch), seedList[k]);
                runs[k] = TrainingRun.Execute(spec, taskData, settings, keepTrace: k == 0, onEpoch: e =>
                {
                    lock (gate)
                    {
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"train {chosen.Name} seed {seedList[k]}: epoch {e.Epoch}/{total}  loss {e.Loss:F4}  train {e.TrainAccuracy:P2}  test {e.TestAccuracy:P2}  {e.EnergyJ * 1e6:G4} µJ  {e.LatencyPs * 1e-9:G4} ms  {e.Pulses} pulses"));
                    }
                });
            });

            var first = runs[0];
            var stats = TrainingReport.Stats(spec, first, taskData);
            using (var folder = new OutputFolder(parse.GetValue(outDir)!))
            {
                folder.WriteText("training.csv", TrainingCsv.Write(runs));
                folder.WriteText("stats.txt", StatsWriter.Text(stats));
                folder.WriteText("stats.json", StatsWriter.Json(stats));
                folder.WriteText("breakdown.csv", BreakdownCsv.Write(first.Chip.Ledger.Breakdown(), new Dictionary<string, double>()));
                var slices = TraceSlices.FromLedger(first.Chip.Ledger);
                using (var json = folder.Create("trace.json"))
                {
                    ChromeTraceWriter.Write(json, spec.Name, slices, first.Chip.Sim.Now);
                }

                using (var vcd = folder.CreateText("trace.vcd"))
                {
                    VcdWriter.Write(vcd, spec.Name, slices, first.Chip.Sim.Now);
                }

                folder.Commit();
            }

            foreach (var run in runs)
            {
                var last = run.Epochs[^1];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{spec.Name} {chosen.Name} seed {run.Settings.Seed}: test accuracy {last.TestAccuracy:P2} after {total} epochs; {run.Epochs.Average(e => e.EnergyJ) * 1e6:G4} µJ and {run.Epochs.Average(e => e.LatencyPs) * 1e-9:G4} ms per epoch"));
            }

            output.WriteLine($"wrote {parse.GetValue(outDir)}");
            return 0;
        });
        return command;
    }

    // He et al.'s hardware-adaptive memory, trained with the recall chip in the loop and recalled on it.
    private static int RunHnn(ParseResult parse, Argument<string> chipArg, Option<string> task, Option<string> algorithm, Option<int> epochs, Option<double?> lr,
        Option<ulong> seed, Option<string> patterns, Option<string?> faults, Option<int> threads, Option<string> outDir)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (parse.GetValue(task) != HnnTask || parse.GetValue(algorithm) != AdaptiveAlgorithm)
        {
            error.WriteLine("engram train: --task hnn goes with --algorithm adaptive (He et al.'s hardware-adaptive learning), and adaptive with --task hnn");
            return ChipInput.BadInput;
        }

        var spec = ChipInput.TryLoadMemory(parse.GetValue(chipArg)!, error, "train");
        if (spec is null)
        {
            return ChipInput.BadInput;
        }

        int[] counts;
        double[] rates;
        try
        {
            var c = CultureInfo.InvariantCulture;
            counts = [.. parse.GetValue(patterns)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => int.Parse(t, c))];
            rates = parse.GetValue(faults) is { } list
                ? [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => double.Parse(t, c))]
                : [spec.Device.Card.Faults.RateFraction];
            if (counts.Length == 0 || counts.Any(p => p < 1) || rates.Length == 0 || rates.Any(r => !(r >= 0 && r <= 1)) || parse.GetValue(epochs) < 1)
            {
                throw new ArgumentException("--patterns must be counts >= 1, --faults rates in [0, 1] and --epochs at least 1");
            }

            if (spec.Network.Kind != Components.Arch.NetworkKind.SingleLayer)
            {
                throw new ArgumentException($"{spec.File}: --task hnn trains a single-layer memory; the chip's network is {spec.Network.Kind.ToString().ToLowerInvariant()}");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine($"engram train: {ex.Message}");
            return ChipInput.BadInput;
        }

        var jobs = rates.SelectMany(r => counts.Select(p => new HnnTrainingSettings(p, r, parse.GetValue(epochs), parse.GetValue(lr) ?? HnnLearningRate, parse.GetValue(seed)))).ToArray();
        var outcomes = new HnnTrainingOutcome[jobs.Length];
        var gate = new object();
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = parse.GetValue(threads) }, k =>
        {
            outcomes[k] = HnnTrainingOutcome.Execute(spec, jobs[k]);
            lock (gate)
            {
                var o = outcomes[k];
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"train adaptive P {jobs[k].Patterns} faults {jobs[k].FaultRate:G3}: loss {o.FinalLoss:G4}  exact recall {o.ExactRecall:P1}  similarity {o.MeanSimilarity:F4}  {o.Pulses} pulses"));
            }
        });

        using (var folder = new OutputFolder(parse.GetValue(outDir)!))
        {
            folder.WriteText("hnn.csv", HnnTrainingCsv.Write(outcomes));
            folder.WriteText("breakdown.csv", BreakdownCsv.Write(outcomes[0].Chip.Ledger.Breakdown(), outcomes[0].Chip.AreaUm2));
            folder.Commit();
        }

        foreach (double rate in rates)
        {
            var curve = outcomes.Where(o => o.Settings.FaultRate == rate).OrderBy(o => o.Settings.Patterns).ToList();
            var held = curve.Where(o => o.MeanSimilarity >= HnnTrainingCsv.CapacityThreshold).Select(o => o.Settings.Patterns).DefaultIfEmpty(0).Max();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{spec.Name} adaptive at {rate:P0} stuck devices: largest P recalled at mean similarity >= {HnnTrainingCsv.CapacityThreshold} on the chip: {held} (of P = {string.Join(",", curve.Select(o => o.Settings.Patterns))})"));
        }

        output.WriteLine($"wrote {parse.GetValue(outDir)}");
        return 0;
    }

    /// <summary>Adam's step for the chip-in-the-loop memory (Engram's choice: 100s of write-verified epochs, not He et al.'s 10,000 in software).</summary>
    private const double HnnLearningRate = 0.02;
}
