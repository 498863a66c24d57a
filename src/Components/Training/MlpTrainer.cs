using Engram.Sim.Core;

namespace Engram.Components.Training;

/// <summary>
/// Trains a <see cref="TrainingChip"/>'s MLP on a classification task as a kernel process: per sample the forward
/// reads (tanh hidden layers, softmax output), the cross-entropy error, the transposed reads back through the
/// layers, then per sample of the mini-batch each layer's update and transfer (aihwkit's convention: one rank-1
/// update per sample, the loss mean-reduced over the batch). Each epoch ends with a forward pass over the test set.
/// </summary>
public sealed class MlpTrainer
{
    private readonly TrainingChip _chip;
    private readonly IReadOnlyList<IMlpLayer> _layers;
    private readonly int _batch;
    private readonly double[][][] _activations; // [sample in batch][layer] inputs incl. bias
    private readonly double[][][] _errors; // [sample in batch][layer] output errors
    private readonly double[][] _sums;
    private readonly double[][] _back;
    private readonly Dictionary<TrainingPhase, PhaseCost> _phases = [];

    public MlpTrainer(TrainingChip chip, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _chip = chip;
        _layers = chip.Layers;
        _batch = batchSize;
        _activations = [.. Enumerable.Range(0, batchSize).Select(_ => _layers.Select(l => new double[l.Inputs]).ToArray())];
        _errors = [.. Enumerable.Range(0, batchSize).Select(_ => _layers.Select(l => new double[l.Outputs]).ToArray())];
        _sums = [.. _layers.Select(l => new double[l.Outputs])];
        _back = [.. _layers.Select(l => new double[l.Inputs - 1])];
    }

    public long Pulses => _layers.Sum(l => l.Pulses);

    public long TransferEvents => _layers.Sum(l => l.TransferEvents);

    /// <summary>Runs <paramref name="epochs"/> epochs and reports each through <paramref name="onEpoch"/> as it ends.</summary>
    public IReadOnlyList<EpochResult> Train(TrainingData data, int epochs, Action<EpochResult>? onEpoch = null)
    {
        if (data.InputWidth != _layers[0].Inputs - 1 || data.Classes != _layers[^1].Outputs)
        {
            throw new ArgumentException($"the task has {data.InputWidth} inputs and {data.Classes} classes; the chip's layers take {_layers[0].Inputs - 1} inputs and give {_layers[^1].Outputs} outputs");
        }

        var sim = _chip.Sim;
        sim.Run(sim.Process(_chip.Setup(), "training-setup"));
        var results = new List<EpochResult>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var order = Shuffled(data.TrainInputs.Length, sim.Random.Stream("training/order", epoch));
            var stats = new EpochStats();
            double startJ = _chip.Ledger.TotalEnergyJ;
            long startPs = sim.Now;
            long startPulses = Pulses, startTransfers = TransferEvents;
            double startTallyJ = _chip.Tally.EnergyJ;
            long startTallyPs = _chip.Tally.LatencyPs;
            _phases.Clear();
            var kindsBefore = _chip.Ledger.ByKind();
            sim.Run(sim.Process(Epoch(data, order, stats), $"epoch-{epoch}"));
            var byKind = _chip.Ledger.ByKind().ToDictionary(k => k.Key, k => k.Value - kindsBefore.GetValueOrDefault(k.Key), StringComparer.Ordinal);
            double epochJ = _chip.Ledger.TotalEnergyJ - startJ;
            long epochPs = sim.Now - startPs;
            var test = new EpochStats();
            sim.Run(sim.Process(Phase(TrainingPhase.Test, Evaluate(data, test)), $"test-{epoch}"));
            var result = new EpochResult(epoch, stats.Loss / stats.Samples, stats.Correct / (double)stats.Samples, test.Correct / (double)test.Samples,
                epochJ, epochPs, Pulses - startPulses, TransferEvents - startTransfers, new Dictionary<TrainingPhase, PhaseCost>(_phases),
                _chip.Tally.EnergyJ - startTallyJ, _chip.Tally.LatencyPs - startTallyPs)
            {
                EnergyByKindJ = byKind,
            };
            results.Add(result);
            onEpoch?.Invoke(result);
        }

        return results;
    }

    private IEnumerable<Wait> Epoch(TrainingData data, int[] order, EpochStats stats)
    {
        for (int start = 0; start < order.Length; start += _batch)
        {
            int count = Math.Min(_batch, order.Length - start);
            for (int s = 0; s < count; s++)
            {
                int index = order[start + s];
                foreach (var w in Sample(data.TrainInputs[index], data.TrainLabels[index], s, count, stats))
                {
                    yield return w;
                }
            }

            for (int s = 0; s < count; s++)
            {
                for (int l = 0; l < _layers.Count; l++)
                {
                    foreach (var w in Phase(TrainingPhase.Update, _layers[l].Update(_activations[s][l], _errors[s][l])))
                    {
                        yield return w;
                    }

                    foreach (var w in Phase(TrainingPhase.Transfer, _layers[l].Transfer()))
                    {
                        yield return w;
                    }
                }
            }
        }
    }

    private IEnumerable<Wait> Sample(double[] input, int label, int slot, int batch, EpochStats stats)
    {
        foreach (var w in Phase(TrainingPhase.Forward, ForwardPass(input, slot)))
        {
            yield return w;
        }

        var logits = _sums[^1];
        int classes = logits.Length;
        double max = logits.Max();
        double total = 0;
        var error = _errors[slot][^1];
        for (int k = 0; k < classes; k++)
        {
            error[k] = Math.Exp(logits[k] - max);
            total += error[k];
        }

        int predicted = 0;
        for (int k = 0; k < classes; k++)
        {
            error[k] /= total;
            predicted = error[k] > error[predicted] ? k : predicted;
        }

        stats.Loss -= Math.Log(Math.Max(error[label], 1e-300));
        stats.Correct += predicted == label ? 1 : 0;
        stats.Samples++;
        error[label] -= 1;
        for (int k = 0; k < classes; k++)
        {
            error[k] /= batch;
        }

        for (int l = _layers.Count - 1; l > 0; l--)
        {
            foreach (var w in Phase(TrainingPhase.Backward, _layers[l].Backward(_errors[slot][l], _back[l])))
            {
                yield return w;
            }

            // tanh'(u) = 1 − tanh²(u): the next layer's inputs are the hidden activations.
            var below = _errors[slot][l - 1];
            var hidden = _activations[slot][l];
            for (int i = 0; i < below.Length; i++)
            {
                below[i] = _back[l][i] * (1 - (hidden[i] * hidden[i]));
            }
        }

        if (_chip.Digital is { } digital)
        {
            // max|x| and max|d| and one probability per line for every layer's pulse trains, the derivatives, softmax.
            long ops = (3L * classes) + _layers.Sum(l => 2L * (l.Inputs + l.Outputs)) + _layers.Take(_layers.Count - 1).Sum(l => 2L * l.Outputs);
            foreach (var w in Phase(TrainingPhase.Digital, digital.Run(ops)))
            {
                yield return w;
            }
        }
    }

    private IEnumerable<Wait> ForwardPass(double[] input, int slot)
    {
        var x = _activations[slot][0];
        Array.Copy(input, x, input.Length);
        x[^1] = 1;
        for (int l = 0; l < _layers.Count; l++)
        {
            var layerInput = _activations[slot][l];
            foreach (var w in _layers[l].Forward(layerInput, _sums[l]))
            {
                yield return w;
            }

            if (l + 1 < _layers.Count)
            {
                var next = _activations[slot][l + 1];
                for (int o = 0; o < _sums[l].Length; o++)
                {
                    next[o] = Math.Tanh(_sums[l][o]);
                }

                next[^1] = 1;
            }
        }
    }

    private IEnumerable<Wait> Evaluate(TrainingData data, EpochStats stats)
    {
        for (int i = 0; i < data.TestInputs.Length; i++)
        {
            foreach (var w in ForwardPass(data.TestInputs[i], 0))
            {
                yield return w;
            }

            var logits = _sums[^1];
            int predicted = 0;
            for (int k = 1; k < logits.Length; k++)
            {
                predicted = logits[k] > logits[predicted] ? k : predicted;
            }

            stats.Correct += predicted == data.TestLabels[i] ? 1 : 0;
            stats.Samples++;
        }
    }

    private IEnumerable<Wait> Phase(TrainingPhase phase, IEnumerable<Wait> body)
    {
        double startJ = _chip.Ledger.TotalEnergyJ;
        long startPs = _chip.Sim.Now;
        foreach (var w in body)
        {
            yield return w;
        }

        _phases.TryGetValue(phase, out var sofar);
        _phases[phase] = new PhaseCost(sofar.EnergyJ + (_chip.Ledger.TotalEnergyJ - startJ), sofar.LatencyPs + (_chip.Sim.Now - startPs));
    }

    private static int[] Shuffled(int count, Engram.Sim.Random.RandomStream rng)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    private sealed class EpochStats
    {
        public double Loss;
        public long Correct;
        public long Samples;
    }
}
