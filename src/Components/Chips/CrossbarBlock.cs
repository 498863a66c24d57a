using Engram.Models.Devices;
using Engram.Sim.Resources;

namespace Engram.Components.Chips;

/// <summary>
/// One array-sized block of a layer's weights: inputs [<see cref="RowStart"/>, +Rows) on its word lines,
/// outputs [<see cref="ColStart"/>, +Cols) on its bit lines. A differential block has twin arrays (G⁺, G⁻)
/// driven by the same inputs; a reference-column block has one array and a column at the reference
/// conductance. Its ADCs are a kernel <see cref="Resource"/> the columns queue for.
/// </summary>
public sealed class CrossbarBlock
{
    private readonly double[] _plusCurrentsA;
    private readonly double[] _minusCurrentsA;
    private readonly double[] _plusSumsS;
    private readonly double[] _minusSumsS;

    internal CrossbarBlock(int blockRow, int blockCol, int rowStart, int colStart, DeviceArray plus, DeviceArray? minus, double referenceS, Resource adcs, ComponentIds ids)
    {
        BlockRow = blockRow;
        BlockCol = blockCol;
        RowStart = rowStart;
        ColStart = colStart;
        Plus = plus;
        Minus = minus;
        ReferenceS = referenceS;
        Adcs = adcs;
        Ids = ids;
        VoltagesV = new double[plus.Rows];
        _plusCurrentsA = new double[plus.Cols];
        _minusCurrentsA = new double[plus.Cols];
        _plusSumsS = new double[plus.Cols];
        _minusSumsS = new double[plus.Cols];
        _plusRowSumsS = new double[plus.Rows];
        _minusRowSumsS = new double[plus.Rows];
        RefreshRowSums();
    }

    private readonly double[] _plusRowSumsS;
    private readonly double[] _minusRowSumsS;

    /// <summary>
    /// Caches Σ_j G_ij per row so a read's ohmic power Σ_i V_i²·Σ_j G_ij costs O(rows), not O(cells): an
    /// asynchronous update must charge every conducting column without re-reading them. Call after programming.
    /// </summary>
    public void RefreshRowSums()
    {
        Sum(Plus, _plusRowSumsS);
        if (Minus is not null)
        {
            Sum(Minus, _minusRowSumsS);
        }

        static void Sum(DeviceArray array, double[] rowSums)
        {
            var g = array.Conductances;
            for (int r = 0; r < array.Rows; r++)
            {
                double sum = 0;
                foreach (double value in g.Slice(r * array.Cols, array.Cols))
                {
                    sum += value;
                }

                rowSums[r] = sum;
            }
        }
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

    public int BlockRow { get; }

    public int BlockCol { get; }

    public int RowStart { get; }

    public int ColStart { get; }

    public int Rows => Plus.Rows;

    public int Cols => Plus.Cols;

    public DeviceArray Plus { get; }

    /// <summary>The G⁻ twin of a differential block; null for a reference-column block.</summary>
    public DeviceArray? Minus { get; }

    /// <summary>Reference conductance of a reference-column block (0 for differential).</summary>
    public double ReferenceS { get; }

    public Resource Adcs { get; }

    public int PhysicalArrays => Minus is null ? 1 : 2;

    internal ComponentIds Ids { get; }

    /// <summary>Word-line voltages of the current read (scratch, one per row).</summary>
    public double[] VoltagesV { get; }

    /// <summary>Rows driven (non-zero voltage) in the current read.</summary>
    public int ActiveRows { get; private set; }

    /// <summary>Differential current of each column after the last read (A).</summary>
    public double DifferentialCurrentA(int col) =>
        Minus is null ? _plusCurrentsA[col] - (ReferenceS * _voltageSum) : _plusCurrentsA[col] - _minusCurrentsA[col];

    /// <summary>Σ G over driven rows of both arrays in a column (what the converter's column term sees).</summary>
    public double ColumnConductanceS(int col) => _plusSumsS[col] + (Minus is null ? ReferenceS * ActiveRows : _minusSumsS[col]);

    private double _voltageSum;

    /// <summary>Reads every column for the voltages in <see cref="VoltagesV"/>; returns Σ V²G over all cells (W).</summary>
    public double ReadAll(Random? noise)
    {
        Prepare();
        Plus.ReadCurrents(VoltagesV, _plusCurrentsA, noise);
        Plus.DrivenConductanceSums(VoltagesV, _plusSumsS);
        double power = ArrayPowerW(_plusRowSumsS);
        if (Minus is not null)
        {
            Minus.ReadCurrents(VoltagesV, _minusCurrentsA, noise);
            Minus.DrivenConductanceSums(VoltagesV, _minusSumsS);
            power += ArrayPowerW(_minusRowSumsS);
        }
        else
        {
            power += ReferencePowerW();
        }

        return power;
    }

    /// <summary>Drives the rows without sensing any column (a broadcast read of an array whose outputs are not needed); returns Σ V²G (W).</summary>
    public double DriveOnly()
    {
        Prepare();
        return ArrayPowerW(_plusRowSumsS) + (Minus is null ? ReferencePowerW() : ArrayPowerW(_minusRowSumsS));
    }

    /// <summary>Reads one column; returns that column's Σ V²G (W). With <paramref name="allPowerW"/> the whole array's power too (other columns conduct).</summary>
    public double ReadColumn(int col, Random? noise, out double allPowerW)
    {
        Prepare();
        _plusCurrentsA[col] = Plus.ReadColumn(VoltagesV, col, noise, out double columnPower, out _plusSumsS[col]);
        allPowerW = ArrayPowerW(_plusRowSumsS);
        if (Minus is not null)
        {
            _minusCurrentsA[col] = Minus.ReadColumn(VoltagesV, col, noise, out double minusPower, out _minusSumsS[col]);
            columnPower += minusPower;
            allPowerW += ArrayPowerW(_minusRowSumsS);
        }
        else
        {
            columnPower += ReferencePowerW();
            allPowerW += ReferencePowerW();
        }

        return columnPower;
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

/// <summary>Ledger ids of a block's parts.</summary>
internal readonly record struct ComponentIds(int RowDrivers, int Cells, int Adcs);
