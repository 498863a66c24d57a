using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Engram.Models.Devices;
using Engram.Models.Devices.Wires;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The devices of one array-sized weight block: one physical array per entry of the mapping's code (a
/// differential pair has two, driven by the same word lines), plus the reference cells of a reference-column
/// mapping. Word lines are inputs [<see cref="RowStart"/>, +Rows), bit lines outputs [<see cref="ColStart"/>, +Cols).
/// A read computes real column currents from the device conductances (read noise, faults) and the ohmic power
/// the driven cells dissipate; the <see cref="Macro"/> charges it.
/// </summary>
public sealed class CrossbarArray
{
    private readonly double[][] _currentsA;
    private readonly double[][] _drivenSumsS;
    private readonly double[][] _rowSumsS;
    private readonly double[] _noiseVarianceA2;
    private readonly double[] _noiseA;
    private bool _noisy;
    // Row sums are taken when first read (a chip is programmed before it is read: building it need not sum its cells).
    private bool _rowSumsValid;
    private readonly double[] _powerW;
    private readonly double[] _powerSquareV2;
    private double _referencePowerW;
    private double _referenceSquareV2 = double.NaN;
    private double? _uniformSquareV2;
    private readonly float[] _voltagesF;
    private double _voltageSum;

    private readonly WiredRead[]? _wires;

    /// <param name="wires">One wired read per array when the array has resistive wires (IR drop), else null.</param>
    public CrossbarArray(int blockRow, int blockCol, int rowStart, int colStart, DeviceArray[] arrays, IWeightMapping mapping, WiredRead[]? wires = null)
    {
        _wires = wires;
        BlockRow = blockRow;
        BlockCol = blockCol;
        RowStart = rowStart;
        ColStart = colStart;
        Arrays = arrays;
        Mapping = mapping;
        ReferenceS = mapping.ReferenceConductanceS(arrays[0].Card);
        VoltagesV = new double[Rows];
        _currentsA = [.. arrays.Select(_ => new double[Cols])];
        _drivenSumsS = [.. arrays.Select(_ => new double[Cols])];
        _rowSumsS = [.. arrays.Select(_ => new double[Rows])];
        _noiseVarianceA2 = new double[Cols];
        _noiseA = new double[Cols];
        _powerW = new double[arrays.Length];
        _voltagesF = new float[Rows];
        _powerSquareV2 = [.. arrays.Select(_ => double.NaN)];
    }

    public int BlockRow { get; }

    public int BlockCol { get; }

    public int RowStart { get; }

    public int ColStart { get; }

    public int Rows => Arrays[0].Rows;

    public int Cols => Arrays[0].Cols;

    /// <summary>The physical arrays, in the order of the mapping's code (for a differential pair: G⁺, G⁻).</summary>
    public IReadOnlyList<DeviceArray> Arrays { get; }

    public IWeightMapping Mapping { get; }

    /// <summary>Conductance of the reference cells (0 without a reference column).</summary>
    public double ReferenceS { get; }

    /// <summary>Word-line voltages of the current read (scratch, one per row).</summary>
    public double[] VoltagesV { get; }

    /// <summary>Power lost in the wires, drivers and sense paths in the last read (W; 0 for an ideal array).</summary>
    public double WirePowerW { get; private set; }

    /// <summary>Rows driven (non-zero voltage) in the current read.</summary>
    public int ActiveRows { get; private set; }

    /// <summary>Cells that conduct when <paramref name="columns"/> columns of the driven rows conduct (all arrays, plus the reference cells).</summary>
    public long CellColumns(int columns) => ((long)Arrays.Count * columns) + Mapping.ReferenceColumns;

    /// <summary>
    /// Caches Σ_j G_ij per row so a read's ohmic power Σ_i V_i²·Σ_j G_ij costs O(rows), not O(cells): a read of
    /// a few columns must charge every conducting column without re-reading them. Call after programming.
    /// </summary>
    public void RefreshRowSums()
    {
        _rowSumsValid = true;
        Array.Fill(_powerSquareV2, double.NaN);
        _referenceSquareV2 = double.NaN;
        for (int k = 0; k < Arrays.Count; k++)
        {
            Arrays[k].RowSumsS(_rowSumsS[k]);
        }
    }

    /// <summary>The signed column current after the last read (A), as the mapping combines its arrays.</summary>
    public double SignedCurrentA(int col, ReadOnlySpan<double> signs)
    {
        double current = signs[0] * _currentsA[0][col];
        for (int k = 1; k < Arrays.Count; k++)
        {
            current += signs[k] * _currentsA[k][col];
        }

        if (_noisy)
        {
            current += _noiseA[col];
        }

        return ReferenceS == 0 ? current : current - (ReferenceS * _voltageSum);
    }

    /// <summary>
    /// <see cref="SignedCurrentA"/> of the columns [<paramref name="first"/>, + <paramref name="signedA"/>.Length), with the
    /// same operations per column in the same order (so the same bits), array by array over the span.
    /// </summary>
    public void SignedCurrentsA(int first, ReadOnlySpan<double> signs, Span<double> signedA)
    {
        int count = signedA.Length;
        TensorPrimitives.Multiply(_currentsA[0].AsSpan(first, count), signs[0], signedA);
        for (int k = 1; k < _currentsA.Length; k++)
        {
            TensorPrimitives.MultiplyAdd(_currentsA[k].AsSpan(first, count), signs[k], signedA, signedA);
        }

        if (_noisy)
        {
            TensorPrimitives.Add(signedA, _noiseA.AsSpan(first, count), signedA);
        }

        if (ReferenceS != 0)
        {
            TensorPrimitives.Subtract(signedA, ReferenceS * _voltageSum, signedA);
        }
    }

    /// <summary>Σ G over the driven rows of every array in a column (what a converter's column term sees).</summary>
    public double ColumnConductanceS(int col)
    {
        double sum = _drivenSumsS[0][col];
        for (int k = 1; k < Arrays.Count; k++)
        {
            sum += _drivenSumsS[k][col];
        }

        return ReferenceS == 0 ? sum : sum + (ReferenceS * ActiveRows);
    }

    /// <summary>
    /// Reads every column for the voltages in <see cref="VoltagesV"/>; returns Σ V²G over all cells (W). The read noise
    /// of a column is drawn once for its combined current Σ_k sign_k·I_k (what the converter sees): each array's
    /// cells fluctuate independently, so the combination is Gaussian with Σ_k sign_k²·σ²·Σ_i V_i²·G_ik².
    /// </summary>
    /// <param name="signs">The mapping's sign per array (the layer scale's), for the combined noise.</param>
    public double ReadAll(Random? noise, ReadOnlySpan<double> signs)
    {
        Prepare();
        if (_wires is not null)
        {
            return ReadWired(noise);
        }

        double power = 0;
        _noisy = Arrays[0].IsNoisy(noise) && ActiveRows > 0;
        if (_noisy)
        {
            Array.Clear(_noiseVarianceA2);
        }

        for (int k = 0; k < Arrays.Count; k++)
        {
            Arrays[k].ReadCurrents(VoltagesV, _currentsA[k], null);
            if (_noisy)
            {
                Arrays[k].AddReadNoiseVariance(VoltagesV, _noiseVarianceA2, signs[k] * signs[k]);
            }

            Arrays[k].DrivenConductanceSums(VoltagesV, _drivenSumsS[k]);
            power = k == 0 ? ArrayPowerW(k) : power + ArrayPowerW(k);
        }

        if (_noisy)
        {
            StandardNormal.Fill(noise!, _noiseA);
            for (int c = 0; c < Cols; c++)
            {
                _noiseA[c] *= Math.Sqrt(_noiseVarianceA2[c]);
            }
        }

        return ReferenceS == 0 ? power : power + ReferencePowerW();
    }

    /// <summary>Drives the rows without sensing any column (its outputs are not needed); returns Σ V²G (W).</summary>
    public double DriveOnly()
    {
        Prepare();
        double power = ArrayPowerW(0);
        for (int k = 1; k < Arrays.Count; k++)
        {
            power += ArrayPowerW(k);
        }

        return ReferenceS == 0 ? power : power + ReferencePowerW();
    }

    /// <summary>
    /// Reads the columns <paramref name="columns"/> (array-local); returns their Σ V²G (W) with the reference cells
    /// (which conduct once, however many columns are read), and in <paramref name="allPowerW"/> the whole array's.
    /// </summary>
    public double ReadColumns(ReadOnlySpan<int> columns, Random? noise, ReadOnlySpan<double> signs, out double allPowerW)
    {
        Prepare();
        if (_wires is not null)
        {
            // Through wires every column shares the drop: the whole network is solved, the selected columns taken from it.
            allPowerW = ReadWired(noise);
            double selected = 0;
            foreach (int col in columns)
            {
                for (int k = 0; k < Arrays.Count; k++)
                {
                    selected += _wires[k].ColumnCellPowerW(col);
                }
            }

            return ReferenceS == 0 ? selected : selected + ReferencePowerW();
        }

        double selectedPower = 0;
        allPowerW = 0;
        _noisy = Arrays[0].IsNoisy(noise) && ActiveRows > 0;
        // Every word line at one |V| on single-precision arrays: a dot product per column and the kept column sums.
        bool driven = _uniformSquareV2 is > 0 && Arrays[0].Precision == CellPrecision.Single;
        if (driven)
        {
            SingleVoltages.Narrow(VoltagesV, _voltagesF);
        }

        for (int i = 0; i < columns.Length; i++)
        {
            int col = columns[i];
            double columnPower = 0, variance = 0;
            for (int k = 0; k < Arrays.Count; k++)
            {
                double power, arrayVariance;
                _currentsA[k][col] = driven
                    ? Arrays[k].ReadDrivenColumn(_voltagesF, _uniformSquareV2!.Value, col, out power, out _drivenSumsS[k][col], out arrayVariance)
                    : Arrays[k].ReadColumn(VoltagesV, col, out power, out _drivenSumsS[k][col], out arrayVariance);
                columnPower = k == 0 ? power : columnPower + power;
                variance += signs[k] * signs[k] * arrayVariance;
            }

            if (_noisy)
            {
                _noiseA[col] = Math.Sqrt(variance) * StandardNormal.Sample(noise!);
            }

            selectedPower = i == 0 ? columnPower : selectedPower + columnPower;
        }

        for (int k = 0; k < Arrays.Count; k++)
        {
            allPowerW = k == 0 ? ArrayPowerW(k) : allPowerW + ArrayPowerW(k);
        }

        if (ReferenceS != 0)
        {
            double reference = ReferencePowerW();
            selectedPower += reference;
            allPowerW += reference;
        }

        return selectedPower;
    }

    private double ReadWired(Random? noise)
    {
        // The per-cell noise is inside the solved network; nothing is added per column.
        _noisy = false;
        double cells = 0, wires = 0;
        for (int k = 0; k < Arrays.Count; k++)
        {
            var (cellW, wireW) = _wires![k].Read(Arrays[k], VoltagesV, _currentsA[k], noise);
            Arrays[k].DrivenConductanceSums(VoltagesV, _drivenSumsS[k]);
            cells += cellW;
            wires += wireW;
        }

        WirePowerW = wires;
        return ReferenceS == 0 ? cells : cells + ReferencePowerW();
    }

    // Σ_i V_i²·Σ_j G_ij of array k. Every word line at one |V| (a binary state) gives the same sum read after read
    // until the cells change, so it is kept per array for that V² (the same additions, so the same value).
    private double ArrayPowerW(int k)
    {
        if (_uniformSquareV2 is double square && _powerSquareV2[k] == square)
        {
            return _powerW[k];
        }

        var rowSums = _rowSumsS[k];
        double p = 0;
        for (int r = 0; r < rowSums.Length; r++)
        {
            double v = VoltagesV[r];
            p += v * v * rowSums[r];
        }

        if (_uniformSquareV2 is double kept)
        {
            _powerSquareV2[k] = kept;
            _powerW[k] = p;
        }

        return p;
    }

    private double ReferencePowerW()
    {
        if (_uniformSquareV2 is double square && _referenceSquareV2 == square)
        {
            return _referencePowerW;
        }

        double p = 0;
        foreach (double v in VoltagesV)
        {
            p += v * v;
        }

        p *= ReferenceS;
        if (_uniformSquareV2 is double kept)
        {
            _referenceSquareV2 = kept;
            _referencePowerW = p;
        }

        return p;
    }

    private void Prepare()
    {
        if (!_rowSumsValid)
        {
            RefreshRowSums();
        }

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
        _uniformSquareV2 = uniform ? square : null;

        // Only a reference column needs Σ V (a dependent chain of additions: not paid without one).
        if (ReferenceS != 0)
        {
            double sum = 0;
            foreach (double v in VoltagesV)
            {
                sum += v;
            }

            _voltageSum = sum;
        }
    }
}
