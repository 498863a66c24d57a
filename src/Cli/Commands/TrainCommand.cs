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
    public static Command Build()
    {
        var chip = new Argument<string>("chip") { Description = "chip YAML with network.kind: mlp and a training: section (arch/chips/train-digits.yaml)" };
        var task = new Option<string>("--task") { Description = "digits | mnist", DefaultValueFactory = _ => TrainingTasks.Digits };
        var algorithm = new Option<string>("--algorithm") { Description = string.Join(" | ", TrainingAlgorithms.Names), Required = true };
        var epochs = new Option<int>("--epochs") { Description = "epochs", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "mini-batch size (one rank-1 update per sample, the loss averaged over the batch)", DefaultValueFactory = _ => 1 };
        var lr = new Option<double?>("--lr") { Description = "gradient learning rate (default: the algorithm's, docs/training.md)" };
        var transferLr = new Option<double?>("--transfer-lr") { Description = "transfer rate A → C of tiki-taka, ttv2 and shd (default: the algorithm's)" };
        var seed = new Option<ulong>("--seed") { Description = "master seed", DefaultValueFactory = _ => 1 };
        var seeds = new Option<string?>("--seeds") { Description = "several master seeds, comma-separated (one run each; overrides --seed)" };
        var threads = new Option<int>("--threads") { Description = "runs trained at once (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var samples = new Option<int?>("--samples") { Description = "train on the first N training images only (quick runs; the test set is unchanged)" };
        var data = new Option<string?>("--data") { Description = "folder with the digit data sets (default: the repository's data/)" };
        var outDir = new Option<string>("--out") { Description = "output folder (replaced as a whole when the run succeeds)", Required = true };
        var command = new Command("train", "Train a chip's MLP on a classification task by pulses, and write per-epoch accuracy, energy and latency.")
        {
            chip, task, algorithm, epochs, batch, lr, transferLr, seed, seeds, threads, samples, data, outDir,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
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
                    taskData = limit >= 1 ? taskData.FirstTrainingSamples(limit) : throw new ArgumentException($"--samples must be at least 1, got {limit}");
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
}
