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
        RefreshRowSums();
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
        for (int k = 0; k < Arrays.Count; k++)
        {
            var array = Arrays[k];
            var rowSums = _rowSumsS[k];
            for (int r = 0; r < array.Rows; r++)
            {
                rowSums[r] = array.RowSumS(r);
            }
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
            power = k == 0 ? ArrayPowerW(_rowSumsS[k]) : power + ArrayPowerW(_rowSumsS[k]);
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
        double power = ArrayPowerW(_rowSumsS[0]);
        for (int k = 1; k < Arrays.Count; k++)
        {
            power += ArrayPowerW(_rowSumsS[k]);
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
        for (int i = 0; i < columns.Length; i++)
        {
            int col = columns[i];
            double columnPower = 0, variance = 0;
            for (int k = 0; k < Arrays.Count; k++)
            {
                _currentsA[k][col] = Arrays[k].ReadColumn(VoltagesV, col, out double power, out _drivenSumsS[k][col], out double arrayVariance);
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
            allPowerW = k == 0 ? ArrayPowerW(_rowSumsS[k]) : allPowerW + ArrayPowerW(_rowSumsS[k]);
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

    private double ArrayPowerW(double[] rowSums)
    {
        double p = 0;
        for (int r = 0; r < rowSums.Length; r++)
        {
            double v = VoltagesV[r];
            p += v * v * rowSums[r];
        }

        return p;
    }

    private double ReferencePowerW()
    {
        double p = 0;
        foreach (double v in VoltagesV)
        {
            p += v * v;
        }

        return p * ReferenceS;
    }

    private void Prepare()
    {
        int active = 0;
        double sum = 0;
        foreach (double v in VoltagesV)
        {
            if (v != 0)
            {
                active++;
            }

            sum += v;
        }

        ActiveRows = active;
        _voltageSum = sum;
    }
}
