using Engram.Components.Arch;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Chips;
using Engram.Sim.Core;
using Engram.Sim.Random;

namespace Engram.Components.Scheduling;

/// <summary>
/// What a recall scheduler may do on the chip, and the recall's progress. A step is: <see cref="Issue"/>, a
/// <see cref="Forward"/> pass of the network that converts the selected visible neurons' fields, then
/// <see cref="Activate"/> of the neurons it updates (their function, then the state register latching them);
/// the scheduler decides which neurons a step updates and when the recall has converged.
/// </summary>
public sealed class RecallRun
{
    private readonly Chip _chip;
    private readonly double[]? _hidden;

    internal RecallRun(Chip chip, UpdateOrder order, int maxIterations)
    {
        _chip = chip;
        Order = order;
        MaxIterations = maxIterations;
        // A chip runs one recall at a time: its fields and hidden states are the chip's scratch, reused.
        (Fields, _hidden, OrderStream) = chip.RecallScratch;
    }

    public int Neurons => _chip.Neurons;

    /// <summary>The visible neurons' states (the state register); the scheduler writes the updated ones.</summary>
    public double[] State => _chip.State;

    /// <summary>
    /// The fields of the visible neurons converted by the last <see cref="Forward"/> (a neuron's entry is its field only
    /// once a pass has converted its column: the buffer is the chip's, kept from one recall to the next).
    /// </summary>
    public double[] Fields { get; }

    public UpdateOrder Order { get; }

    /// <summary>Iterations (sweeps) before the recall gives up.</summary>
    public int MaxIterations { get; }

    /// <summary>The chip's named stream for update orders (<c>recall/order</c>).</summary>
    public RandomStream OrderStream { get; }

    /// <summary>Synchronous iterations or sweeps so far, including the last one that changed nothing.</summary>
    public int Iterations { get; set; }

    /// <summary>Neuron updates performed.</summary>
    public long Updates { get; set; }

    public bool Converged { get; set; }

    /// <summary>The controller issues one step (and pays the host round trip off chip).</summary>
    public IEnumerable<Wait> Issue() => _chip.Blocks.Controller.Step(_chip.Components.Controller);

    /// <summary>
    /// The network's forward pass from the current state into <see cref="Fields"/>, converting only the selected
    /// visible neurons; the hidden layer of a multilayer net is always read whole and activated.
    /// </summary>
    /// <remarks>
    /// A single layer without biases is its read's own waits (the process resumes one iterator fewer per wait of the
    /// read); both are lazy, so nothing runs before the first resume either way.
    /// </remarks>
    public IEnumerable<Wait> Forward(ColumnSelection columns) =>
        _hidden is null && _chip.Biases[0] is null ? _chip.Read(0, State, Fields, columns) : ForwardWithBiasesOrLayers(columns);

    private IEnumerable<Wait> ForwardWithBiasesOrLayers(ColumnSelection columns)
    {
        if (_hidden is null)
        {
            foreach (var w in _chip.Read(0, State, Fields, columns))
            {
                yield return w;
            }

            foreach (var w in AddBias(0, Fields, columns))
            {
                yield return w;
            }

            yield break;
        }

        foreach (var w in _chip.Read(0, State, _hidden, ColumnSelection.All))
        {
            yield return w;
        }

        foreach (var w in AddBias(0, _hidden, ColumnSelection.All))
        {
            yield return w;
        }

        foreach (var w in Activate(_hidden.Length))
        {
            yield return w;
        }

        var neurons = _chip.Blocks.Neurons;
        for (int h = 0; h < _hidden.Length; h++)
        {
            _hidden[h] = neurons.Hidden(_hidden[h]);
        }

        foreach (var w in _chip.Read(1, _hidden, Fields, columns))
        {
            yield return w;
        }

        foreach (var w in AddBias(1, Fields, columns))
        {
            yield return w;
        }
    }

    // Each converted output of a layer with biases gets its bias added in its neuron (nothing without biases).
    private IEnumerable<Wait> AddBias(int layer, double[] fields, ColumnSelection columns)
    {
        if (_chip.Biases[layer] is not { } bias)
        {
            yield break;
        }

        int count;
        if (columns.IsAll)
        {
            for (int o = 0; o < fields.Length; o++)
            {
                fields[o] += bias[o];
            }

            count = fields.Length;
        }
        else
        {
            for (int k = 0; k < columns.Count; k++)
            {
                fields[columns[k]] += bias[columns[k]];
            }

            count = columns.Count;
        }

        foreach (var w in _chip.Blocks.Neurons.AddBias(_chip.Components.Neuron, count))
        {
            yield return w;
        }
    }

    /// <summary><paramref name="count"/> neurons compute their function in parallel, then the state register latches them.</summary>
    public IEnumerable<Wait> Activate(int count)
    {
        foreach (var w in _chip.Blocks.Neurons.Activate(_chip.Components.Neuron, count))
        {
            yield return w;
        }

        foreach (var w in _chip.Blocks.Register.Latch(_chip.Components.StateRegister, count))
        {
            yield return w;
        }
    }

    /// <summary>Updates neuron <paramref name="neuron"/> from its field; true when its state changed.</summary>
    public bool Update(int neuron)
    {
        var neurons = _chip.Blocks.Neurons;
        double next = neurons.Next(Fields[neuron], State[neuron]);
        bool changed = neurons.Changed(State[neuron], next);
        State[neuron] = next;
        return changed;
    }

    /// <summary>Updates every visible neuron from its field, in order (a synchronous step); returns how many changed.</summary>
    public int UpdateAll() => _chip.Blocks.Neurons.NextAll(Fields.AsSpan(0, State.Length), State);

    /// <summary>Fills <paramref name="sequence"/> with 0..N−1, shuffled by the order stream when the order is random.</summary>
    public void NextSweepOrder(Span<int> sequence)
    {
        for (int i = 0; i < sequence.Length; i++)
        {
            sequence[i] = i;
        }

        if (Order == UpdateOrder.Random)
        {
            OrderStream.Shuffle(sequence);
        }
    }
}
