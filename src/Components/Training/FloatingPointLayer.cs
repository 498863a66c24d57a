using System.Numerics.Tensors;
using Engram.Sim.Core;

namespace Engram.Components.Training;

/// <summary>The floating-point reference: exact products and the plain SGD step, no device and no cost.</summary>
public sealed class FloatingPointLayer : IMlpLayer
{
    private readonly double[] _w; // outputs × inputs, row-major
    private readonly double _lr;

    public FloatingPointLayer(int inputs, int outputs, ReadOnlySpan<double> initial, double learningRate)
    {
        Inputs = inputs;
        Outputs = outputs;
        _w = initial.ToArray();
        _lr = learningRate;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public long Pulses => 0;

    public long TransferEvents => 0;

    public double Weight(int output, int input) => _w[(output * Inputs) + input];

    public IEnumerable<Wait> Forward(double[] x, double[] y)
    {
        for (int o = 0; o < Outputs; o++)
        {
            y[o] = TensorPrimitives.Dot(_w.AsSpan(o * Inputs, Inputs), x);
        }

        yield break;
    }

    public IEnumerable<Wait> Backward(double[] d, double[] z)
    {
        Array.Clear(z);
        for (int o = 0; o < Outputs; o++)
        {
            TensorPrimitives.MultiplyAdd(_w.AsSpan(o * Inputs, Inputs - 1), d[o], z.AsSpan(0, Inputs - 1), z.AsSpan(0, Inputs - 1));
        }

        yield break;
    }

    public IEnumerable<Wait> Update(double[] x, double[] d)
    {
        for (int o = 0; o < Outputs; o++)
        {
            TensorPrimitives.MultiplyAdd(x, -_lr * d[o], _w.AsSpan(o * Inputs, Inputs), _w.AsSpan(o * Inputs, Inputs));
        }

        yield break;
    }

    public IEnumerable<Wait> Transfer()
    {
        yield break;
    }
}
