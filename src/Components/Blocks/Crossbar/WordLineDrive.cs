using System.Runtime.Intrinsics;
using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The word-line voltages of one read and what a read takes from them alone: the rows driven (V ≠ 0), whether every
/// row is at one |V| (and that V²), Σ V (for a reference column) and the single-precision copy that the dot products
/// of single-precision arrays take. Every macro of a row block sees the same word lines, so one drive can serve
/// them all; <see cref="Analyse"/> must follow every change of <see cref="VoltagesV"/>.
/// </summary>
internal sealed class WordLineDrive
{
    private readonly float[] _singleV;
    private bool _singleValid;
    private double _sumV;
    private bool _sumValid;

    public WordLineDrive(int rows)
    {
        VoltagesV = new double[rows];
        _singleV = new float[rows];
    }

    /// <summary>Word-line voltages, one per row (written by the caller, then <see cref="Analyse"/>).</summary>
    public double[] VoltagesV { get; }

    /// <summary>Rows driven (non-zero voltage).</summary>
    public int ActiveRows { get; private set; }

    /// <summary>V² when every row is at one |V| (a binary state), else null.</summary>
    public double? UniformSquareV2 { get; private set; }

    /// <summary>The voltages in single precision (narrowed when first asked for after <see cref="Analyse"/>).</summary>
    public ReadOnlySpan<float> SingleV
    {
        get
        {
            if (!_singleValid)
            {
                SingleVoltages.Narrow(VoltagesV, _singleV);
                _singleValid = true;
            }

            return _singleV;
        }
    }

    /// <summary>Σ V in row order (taken when first asked for: only a reference column needs it, and it is a dependent chain of additions).</summary>
    public double SumV
    {
        get
        {
            if (!_sumValid)
            {
                double sum = 0;
                foreach (double v in VoltagesV)
                {
                    sum += v;
                }

                _sumV = sum;
                _sumValid = true;
            }

            return _sumV;
        }
    }

    /// <summary>Takes the active rows and the uniform V² of the current voltages, and forgets the derived copies.</summary>
    public void Analyse()
    {
        var voltages = VoltagesV.AsSpan();
        double square = voltages[0] * voltages[0];
        int active = 0, r = 0;
        bool uniform = true;
        if (Vector256.IsHardwareAccelerated)
        {
            var squares = Vector256.Create(square);
            var counts = Vector256<long>.Zero;
            for (; r + 4 <= voltages.Length; r += 4)
            {
                var v = Vector256.Create(voltages.Slice(r, 4));
                counts -= Vector256.Equals(v, Vector256<double>.Zero).AsInt64();
                uniform &= Vector256.EqualsAll(v * v, squares);
            }

            active = r - (int)Vector256.Sum(counts);
        }

        for (; r < voltages.Length; r++)
        {
            double v = voltages[r];
            active += v != 0 ? 1 : 0;
            uniform &= v * v == square;
        }

        ActiveRows = active;
        UniformSquareV2 = uniform ? square : null;
        _singleValid = false;
        _sumValid = false;
    }
}
