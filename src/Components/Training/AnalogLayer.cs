using Engram.Components.Blocks.Training;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Training;

/// <summary>
/// An MLP layer on the chip's arrays: C (the weights every forward and backward read sees), and for the
/// Tiki-Taka family a fast array A with a zero-shifted reference. The update and the transfer follow an
/// <see cref="AnalogRule"/>; every read, pulse and digital step is charged by the tile's blocks.
/// </summary>
public sealed class AnalogLayer : IMlpLayer
{
    private readonly AnalogRule _rule;
    private readonly TileActions _c;
    private readonly TileActions? _a;
    private readonly StochasticPulseUpdater _gradient;
    private readonly StochasticPulseUpdater _transfer;
    private readonly DigitalActions _digital;
    private readonly Random _pulses;
    private readonly WriteVerifyTally _tally;
    private readonly double[] _fastY, _fullZ, _fastZ, _oneHot, _v, _minusV;
    private readonly double[]? _buffer;
    private readonly int[] _counts;
    private long _samples;
    private int _nextLine;

    public AnalogLayer(TileActions c, TileActions? a, AnalogRule rule, UpdateParameters update, DigitalActions digital, Random pulses, WriteVerifyTally tally)
    {
        if (rule.UsesFastArray && a is null)
        {
            throw new ArgumentException("the rule pulses a fast array, but the layer has none");
        }

        _c = c;
        _a = a;
        _rule = rule;
        _digital = digital;
        _pulses = pulses;
        _tally = tally;
        Inputs = c.Tile.Rows;
        Outputs = c.Tile.Cols;
        _gradient = new StochasticPulseUpdater(Inputs, Outputs, update);
        _transfer = new StochasticPulseUpdater(Inputs, Outputs, update);
        _fastY = new double[Outputs];
        _fullZ = new double[Inputs];
        _fastZ = new double[Inputs];
        _oneHot = new double[Inputs];
        _v = new double[Outputs];
        _minusV = new double[Outputs];
        _counts = new int[Outputs];
        _buffer = rule.Buffered ? new double[Inputs * Outputs] : null;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public long Pulses { get; private set; }

    public long TransferEvents { get; private set; }

    public TileActions Slow => _c;

    public TileActions? Fast => _a;

    public double Weight(int output, int input) =>
        _c.Tile.Weight(input, output) + (_rule.Gamma != 0 && _a is not null ? _rule.Gamma * _a.Tile.Weight(input, output) : 0);

    public IEnumerable<Wait> Forward(double[] x, double[] y)
    {
        foreach (var w in _c.Forward(x, y))
        {
            yield return w;
        }

        if (_rule.Gamma != 0)
        {
            foreach (var w in _a!.Forward(x, _fastY))
            {
                yield return w;
            }

            for (int o = 0; o < Outputs; o++)
            {
                y[o] += _rule.Gamma * _fastY[o];
            }
        }
    }

    public IEnumerable<Wait> Backward(double[] d, double[] z)
    {
        int converted = Inputs - 1;
        foreach (var w in _c.Backward(d, _fullZ, converted))
        {
            yield return w;
        }

        if (_rule.Gamma != 0)
        {
            foreach (var w in _a!.Backward(d, _fastZ, converted))
            {
                yield return w;
            }

            for (int i = 0; i < converted; i++)
            {
                _fullZ[i] += _rule.Gamma * _fastZ[i];
            }
        }

        Array.Copy(_fullZ, z, converted);
    }

    public IEnumerable<Wait> Update(double[] x, double[] d)
    {
        var target = _rule.UsesFastArray ? _a! : _c;
        foreach (var w in target.PulseUpdate(_gradient, x, d, _rule.LearningRate, _pulses, _tally))
        {
            yield return w;
        }

        Pulses += target.LastPulses;
    }

    public IEnumerable<Wait> Transfer()
    {
        if (!_rule.UsesFastArray)
        {
            yield break;
        }

        _samples++;
        if (_samples % _rule.TransferEvery != 0)
        {
            yield break;
        }

        for (int k = 0; k < _rule.ReadsPerTransfer; k++)
        {
            int line = _nextLine;
            _nextLine = (_nextLine + 1) % Inputs;
            TransferEvents++;
            foreach (var w in _a!.TransferRead(line, _oneHot, _v))
            {
                yield return w;
            }

            if (_buffer is null)
            {
                // C[line, :] += lr_T·v: the pulse update with x = e_line and d = −v.
                for (int o = 0; o < Outputs; o++)
                {
                    _minusV[o] = -_v[o];
                }

                foreach (var w in _c.PulseUpdate(_transfer, _oneHot, _minusV, _rule.TransferLearningRate, _pulses, _tally))
                {
                    yield return w;
                }
            }
            else
            {
                BufferedCounts(line);
                foreach (var w in _digital.Run(2L * Outputs, 2L * Outputs))
                {
                    yield return w;
                }

                foreach (var w in _c.WriteRow(line, _counts, _pulses))
                {
                    yield return w;
                }
            }

            Pulses += _c.LastPulses;
        }
    }

    // TTv2 (aihwkit BufferedTransferCompound): H += lr_T·v; one pulse per threshold crossed, at most MaxTransferPulses per read.
    private void BufferedCounts(int line)
    {
        double threshold = _rule.ThresholdScale * _c.Tile.Devices.Response.WeightGranularity;
        var h = _buffer!.AsSpan(line * Outputs, Outputs);
        for (int o = 0; o < Outputs; o++)
        {
            double value = h[o] + (Math.Abs(_rule.TransferLearningRate) * _v[o]);
            int n = (int)Math.Clamp(Math.Truncate(value / threshold), -_rule.MaxTransferPulses, _rule.MaxTransferPulses);
            h[o] = n != 0 ? _rule.BufferMomentum * value : value;
            _counts[o] = n;
        }
    }
}
