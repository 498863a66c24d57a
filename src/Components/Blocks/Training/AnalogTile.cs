using System.Numerics.Tensors;
using Engram.Models.Devices;

namespace Engram.Components.Blocks.Training;

/// <summary>
/// One weight layer held as device states on a crossbar: inputs drive the rows (the last row is the bias,
/// driven at a constant input), outputs are read on the columns. A weight is the device's state in the card's
/// normalised units minus a reference: for a slow (C) array the reference line sits at w = 0; for a fast (A)
/// array every device has its own reference device, programmed by zero-shifting to the device's symmetry point.
/// Only data here: <see cref="TileActions"/> charges the reads and pulses.
/// </summary>
public sealed class AnalogTile
{
    private readonly double[] _scratch;
    private readonly double _referenceLineS;
    private double[]? _referenceS;

    public AnalogTile(string name, DeviceArray devices)
    {
        Name = name;
        Devices = devices;
        _scratch = new double[Math.Max(devices.Rows, devices.Cols)];
        _referenceLineS = devices.ToConductance(0);
        SiemensPerWeight = devices.ToConductance(1) - _referenceLineS;
    }

    public string Name { get; }

    public DeviceArray Devices { get; }

    public int Rows => Devices.Rows;

    public int Cols => Devices.Cols;

    /// <summary>Conductance per unit of device weight (the card's mean-bound mapping).</summary>
    public double SiemensPerWeight { get; }

    /// <summary>True once zero-shifting has given each device a reference of its own.</summary>
    public bool HasDeviceReference => _referenceS is not null;

    /// <summary>Reference conductance of cell <paramref name="cell"/>.</summary>
    public double ReferenceS(int cell) => _referenceS?[cell] ?? _referenceLineS;

    /// <summary>The weight cell (r, c) represents: its state minus its reference, in device-weight units.</summary>
    public double Weight(int row, int col)
    {
        int cell = Devices.CellIndex(row, col);
        return (Devices.Conductances[cell] - ReferenceS(cell)) / SiemensPerWeight;
    }

    /// <summary>Programs every free cell to weight <paramref name="weights"/> (row-major) against its reference, set-to-target.</summary>
    public void Program(ReadOnlySpan<double> weights, Random rng)
    {
        var targets = new double[weights.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = ReferenceS(i) + (weights[i] * SiemensPerWeight);
        }

        DeviceProgramming.SetConductances(Devices, targets, rng);
    }

    /// <summary>
    /// Copies the present conductances into per-device references (plus <paramref name="referenceStdWeight"/>·ξ in
    /// device-weight units): after zero-shifting, each weight then reads 0 at its device's symmetry point.
    /// </summary>
    public void CopyReference(double referenceStdWeight, Random rng)
    {
        var g = Devices.Conductances;
        _referenceS = new double[g.Length];
        for (int i = 0; i < g.Length; i++)
        {
            _referenceS[i] = g[i] + (referenceStdWeight > 0 ? referenceStdWeight * SiemensPerWeight * StandardNormal.Sample(rng) : 0);
        }
    }

    /// <summary>
    /// Forward read of one input plane: y_c = Σ_r level_r·w_rc (device-weight units), and the read's Σ level²·G
    /// over the array and its reference (for V²G·t) and per-column driven conductance (for the converters).
    /// </summary>
    public ReadFigures Forward(ReadOnlySpan<double> levels, Span<double> y, Span<double> drivenS, Random? noise)
    {
        y.Clear();
        drivenS.Clear();
        var g = Devices.Conductances;
        double sigma = noise is null ? 0 : Devices.Card.ReadNoiseStdRelative;
        double power = 0, referencePower = 0;
        int cols = Cols;
        for (int r = 0; r < Rows; r++)
        {
            double v = levels[r];
            if (v == 0)
            {
                continue;
            }

            var row = g.Slice(r * cols, cols);
            power += v * v * TensorPrimitives.Sum(row);
            TensorPrimitives.Add(row, drivenS, drivenS);
            if (sigma > 0)
            {
                for (int c = 0; c < cols; c++)
                {
                    _scratch[c] = Math.Max(row[c] * (1.0 + (sigma * StandardNormal.Sample(noise!))), 0.0);
                }

                row = _scratch.AsSpan(0, cols);
            }

            TensorPrimitives.MultiplyAdd(row, v, y, y);
            if (_referenceS is { } reference)
            {
                var refRow = reference.AsSpan(r * cols, cols);
                TensorPrimitives.MultiplyAdd(refRow, -v, y, y);
                referencePower += v * v * TensorPrimitives.Sum(refRow);
            }
            else
            {
                double shift = -v * _referenceLineS;
                for (int c = 0; c < cols; c++)
                {
                    y[c] += shift;
                }

                referencePower += v * v * _referenceLineS;
            }
        }

        TensorPrimitives.Multiply(y, 1.0 / SiemensPerWeight, y);
        return new ReadFigures(power + referencePower);
    }

    /// <summary>Transposed read of one plane driven on the columns: z_r = Σ_c level_c·w_rc, as <see cref="Forward"/>.</summary>
    public ReadFigures Backward(ReadOnlySpan<double> levels, Span<double> z, Span<double> drivenS, Random? noise)
    {
        var g = Devices.Conductances;
        double sigma = noise is null ? 0 : Devices.Card.ReadNoiseStdRelative;
        int cols = Cols;
        double levelSum = 0, levelSquares = 0;
        for (int c = 0; c < cols; c++)
        {
            levelSum += levels[c];
            levelSquares += levels[c] * levels[c];
        }

        double power = 0, referencePower = 0;
        var squares = _scratch.AsSpan(0, cols);
        TensorPrimitives.Multiply(levels, levels, squares);
        for (int r = 0; r < Rows; r++)
        {
            var row = g.Slice(r * cols, cols);
            double current;
            if (sigma > 0)
            {
                current = 0;
                for (int c = 0; c < cols; c++)
                {
                    if (levels[c] != 0)
                    {
                        current += levels[c] * Math.Max(row[c] * (1.0 + (sigma * StandardNormal.Sample(noise!))), 0.0);
                    }
                }
            }
            else
            {
                current = TensorPrimitives.Dot(row, levels);
            }

            power += TensorPrimitives.Dot(row, squares);
            double driven = 0;
            for (int c = 0; c < cols; c++)
            {
                if (levels[c] != 0)
                {
                    driven += row[c];
                }
            }

            drivenS[r] = driven;
            if (_referenceS is { } reference)
            {
                var refRow = reference.AsSpan(r * cols, cols);
                current -= TensorPrimitives.Dot(refRow, levels);
                referencePower += TensorPrimitives.Dot(refRow, squares);
            }
            else
            {
                current -= levelSum * _referenceLineS;
            }

            z[r] = current / SiemensPerWeight;
        }

        // The reference row of a slow array carries Σ_c level_c²·G0 once.
        if (_referenceS is null)
        {
            referencePower += levelSquares * _referenceLineS;
        }

        return new ReadFigures(power + referencePower);
    }

    /// <summary>Mean conductance of the array's devices (for the half-selected cells of a pulse update).</summary>
    public double MeanConductanceS() => TensorPrimitives.Sum(Devices.Conductances) / Devices.CellCount;
}

/// <summary>What one plane of a read dissipates in the cells: Σ level²·G (siemens; times V² and the pulse gives joules).</summary>
public readonly record struct ReadFigures(double LevelSquaredConductanceS);
