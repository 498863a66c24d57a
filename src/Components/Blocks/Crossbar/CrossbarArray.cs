using System.Numerics.Tensors;
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
    // Each array's Σ V²G for the V² it was taken at, at [_keptFirst, + arrays) of the kept powers (the layer's, or its own).
    private readonly KeptArrayPowers _kept;
    private readonly int _keptFirst;
    private double _referencePowerW;
    private double _referenceSquareV2 = double.NaN;
    // The crossbar's own word lines (a read of this macro alone); a layer's read may pass a row block's shared drive instead.
    private readonly WordLineDrive _ownDrive;
    private double _voltageSum;
    // A whole-array read whose noise FinishAll has yet to draw.
    private bool _allPending;

    private readonly WiredRead[]? _wires;
    private readonly DeviceArray[] _arrays;

    /// <param name="wires">One wired read per array when the array has resistive wires (IR drop), else null.</param>
    /// <param name="kept">Where the arrays' kept powers live, from <paramref name="keptFirst"/> on (a store of the crossbar's own when null).</param>
    public CrossbarArray(int blockRow, int blockCol, int rowStart, int colStart, DeviceArray[] arrays, IWeightMapping mapping, WiredRead[]? wires = null, KeptArrayPowers? kept = null, int keptFirst = 0)
    {
        _kept = kept ?? new KeptArrayPowers(arrays.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(keptFirst);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keptFirst, _kept.Count - arrays.Length, nameof(keptFirst));
        _keptFirst = keptFirst;
        _wires = wires;
        BlockRow = blockRow;
        BlockCol = blockCol;
        RowStart = rowStart;
        ColStart = colStart;
        Arrays = arrays;
        // The hot paths index the array itself, not the read-only list (an interface call per access).
        _arrays = arrays;
        Rows = arrays[0].Rows;
        Cols = arrays[0].Cols;
        Mapping = mapping;
        ReferenceS = mapping.ReferenceConductanceS(arrays[0].Card);
        _ownDrive = new WordLineDrive(Rows);
        _currentsA = [.. arrays.Select(_ => new double[Cols])];
        _drivenSumsS = [.. arrays.Select(_ => new double[Cols])];
        _rowSumsS = [.. arrays.Select(_ => new double[Rows])];
        _noiseVarianceA2 = new double[Cols];
        _noiseA = new double[Cols];
    }

    /// <summary>Whether reads go through the wire network (IR drop), which draws its noise inside the solve.</summary>
    public bool Wired => _wires is not null;

    public int BlockRow { get; }

    public int BlockCol { get; }

    public int RowStart { get; }

    public int ColStart { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Physical arrays of the block (the mapping's code length).</summary>
    public int ArrayCount => _arrays.Length;

    /// <summary>The physical arrays, in the order of the mapping's code (for a differential pair: G⁺, G⁻).</summary>
    public IReadOnlyList<DeviceArray> Arrays { get; }

    public IWeightMapping Mapping { get; }

    /// <summary>Conductance of the reference cells (0 without a reference column).</summary>
    public double ReferenceS { get; }

    /// <summary>Word-line voltages of the crossbar's own reads (scratch, one per row; a read with a shared drive leaves them alone).</summary>
    public double[] VoltagesV => _ownDrive.VoltagesV;

    /// <summary>Power lost in the wires, drivers and sense paths in the last read (W; 0 for an ideal array).</summary>
    public double WirePowerW { get; private set; }

    /// <summary>Rows driven (non-zero voltage) in the current read.</summary>
    public int ActiveRows { get; private set; }

    /// <summary>Cells that conduct when <paramref name="columns"/> columns of the driven rows conduct (all arrays, plus the reference cells).</summary>
    public long CellColumns(int columns) => ((long)_arrays.Length * columns) + Mapping.ReferenceColumns;

    /// <summary>
    /// Caches Σ_j G_ij per row so a read's ohmic power Σ_i V_i²·Σ_j G_ij costs O(rows), not O(cells): a read of
    /// a few columns must charge every conducting column without re-reading them. Call after programming.
    /// </summary>
    public void RefreshRowSums()
    {
        _rowSumsValid = true;
        _kept.SquareV2.AsSpan(_keptFirst, _arrays.Length).Fill(double.NaN);
        _referenceSquareV2 = double.NaN;
        for (int k = 0; k < _arrays.Length; k++)
        {
            _arrays[k].RowSumsS(_rowSumsS[k]);
        }
    }

    /// <summary>The signed column current after the last whole-array read (A), as the mapping combines its arrays.</summary>
    public double SignedCurrentA(int col, ReadOnlySpan<double> signs)
    {
        double current = signs[0] * _currentsA[0][col];
        for (int k = 1; k < _arrays.Length; k++)
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

    /// <summary>Σ G over the driven rows of every array in a column after the last whole-array read (what a converter's column term sees).</summary>
    public double ColumnConductanceS(int col)
    {
        double sum = _drivenSumsS[0][col];
        for (int k = 1; k < _arrays.Length; k++)
        {
            sum += _drivenSumsS[k][col];
        }

        return ReferenceS == 0 ? sum : sum + (ReferenceS * ActiveRows);
    }

    /// <summary>
    /// Loads the objects a column read goes through first (the crossbar, its kept powers, its list of device arrays,
    /// each array, its store and its bit-line sums) and returns a value made from them, so that the loads are not
    /// dropped. An asynchronous update reads one macro of every row block, and on a large chip none of them is in
    /// cache: touched in one short loop first, their misses overlap, instead of each macro's read waiting for its own
    /// one after another.
    /// </summary>
    internal long TouchColumnRead()
    {
        long touched = ColStart + BitConverter.DoubleToInt64Bits(_kept.SquareV2[_keptFirst]) + BitConverter.DoubleToInt64Bits(_kept.PowerW[_keptFirst]);
        foreach (var array in _arrays)
        {
            touched += array.TouchColumnRead();
        }

        return touched;
    }

    /// <summary>Column <paramref name="col"/> after the last whole-array read, as a converter takes it.</summary>
    public ColumnRead Column(int col, ReadOnlySpan<double> signs) => new(SignedCurrentA(col, signs), ColumnConductanceS(col));

    /// <summary>
    /// Reads every column for the voltages in <see cref="VoltagesV"/>; returns Σ V²G over all cells (W). The read noise
    /// of a column is drawn once for its combined current Σ_k sign_k·I_k (what the converter sees): each array's
    /// cells fluctuate independently, so the combination is Gaussian with Σ_k sign_k²·σ²·Σ_i V_i²·G_ik².
    /// </summary>
    /// <param name="signs">The mapping's sign per array (the layer scale's), for the combined noise.</param>
    public double ReadAll(Random? noise, ReadOnlySpan<double> signs)
    {
        double power = ReadAllBeforeNoise(noise, signs);
        FinishAll(noise);
        return power;
    }

    /// <summary>
    /// The part of <see cref="ReadAll"/> that draws nothing (every column's current, the noise variances, the driven
    /// sums and the power; a wired array reads in full, its noise inside the solve), for <see cref="FinishAll"/> to
    /// finish with the noise draws. Reads of different crossbars touch nothing shared, so the macros of a whole-layer
    /// read can take this part in parallel and be finished one after another in their order.
    /// </summary>
    internal double ReadAllBeforeNoise(Random? noise, ReadOnlySpan<double> signs) => ReadAllBeforeNoise(noise, signs, currentsRead: false);

    /// <summary>
    /// <see cref="ReadAllBeforeNoise(Random?, ReadOnlySpan{double})"/>, with every array's column currents already in
    /// <see cref="CurrentsOf"/> when <paramref name="currentsRead"/> (a layer takes them for a whole column block at
    /// once, straight from its shared bit lines, for the word lines this crossbar is driven with).
    /// </summary>
    internal double ReadAllBeforeNoise(Random? noise, ReadOnlySpan<double> signs, bool currentsRead)
    {
        var drive = PrepareOwn();
        _allPending = true;
        if (_wires is not null)
        {
            return ReadWired(drive, noise);
        }

        double power = 0;
        _noisy = _arrays[0].IsNoisy(noise) && ActiveRows > 0;
        if (_noisy)
        {
            Array.Clear(_noiseVarianceA2);
        }

        for (int k = 0; k < _arrays.Length; k++)
        {
            if (!currentsRead)
            {
                _arrays[k].ReadCurrents(VoltagesV, _currentsA[k], null);
            }

            if (_noisy)
            {
                _arrays[k].AddReadNoiseVariance(VoltagesV, _noiseVarianceA2, signs[k] * signs[k]);
            }

            _arrays[k].DrivenConductanceSums(VoltagesV, _drivenSumsS[k]);
            power = k == 0 ? ArrayPowerW(drive, k) : power + ArrayPowerW(drive, k);
        }

        return ReferenceS == 0 ? power : power + ReferencePowerW(drive);
    }

    /// <summary>Finishes the read <see cref="ReadAllBeforeNoise"/> left: every column's read noise, in column order, when the read is noisy.</summary>
    internal void FinishAll(Random? noise)
    {
        if (!_allPending)
        {
            return;
        }

        _allPending = false;
        if (_noisy)
        {
            StandardNormal.Fill(noise!, _noiseA);
            for (int c = 0; c < Cols; c++)
            {
                _noiseA[c] *= Math.Sqrt(_noiseVarianceA2[c]);
            }
        }
    }

    /// <summary>Drives the rows without sensing any column (its outputs are not needed); returns Σ V²G (W).</summary>
    public double DriveOnly()
    {
        var drive = PrepareOwn();
        double power = ArrayPowerW(drive, 0);
        for (int k = 1; k < _arrays.Length; k++)
        {
            power += ArrayPowerW(drive, k);
        }

        return ReferenceS == 0 ? power : power + ReferencePowerW(drive);
    }

    /// <summary>
    /// Reads the columns <paramref name="columns"/> (array-local) into <paramref name="reads"/> (one per column, in order);
    /// returns their Σ V²G (W) with the reference cells (which conduct once, however many columns are read), and in
    /// <paramref name="allPowerW"/> the whole array's.
    /// </summary>
    public double ReadColumns(ReadOnlySpan<int> columns, Random? noise, ReadOnlySpan<double> signs, Span<ColumnRead> reads, out double allPowerW) =>
        ReadColumns(PrepareOwn(), columns, noise, signs, reads, out allPowerW);

    /// <summary>
    /// <see cref="ReadColumns(ReadOnlySpan{int}, Random?, ReadOnlySpan{double}, Span{ColumnRead}, out double)"/> with the
    /// word lines of <paramref name="drive"/> (analysed, one voltage per row) instead of the crossbar's own: the same
    /// values for the same voltages, without driving and analysing them again for every macro of a row block.
    /// </summary>
    internal double ReadColumns(WordLineDrive drive, ReadOnlySpan<int> columns, Random? noise, ReadOnlySpan<double> signs, Span<ColumnRead> reads, out double allPowerW)
    {
        if (reads.Length < columns.Length)
        {
            throw new ArgumentException($"expected room for {columns.Length} column reads, got {reads.Length}", nameof(reads));
        }

        // The crossbar's own drive was taken by PrepareOwn.
        if (drive != _ownDrive)
        {
            if (drive.VoltagesV.Length != Rows)
            {
                throw new ArgumentException($"expected a drive of {Rows} word lines, got {drive.VoltagesV.Length}", nameof(drive));
            }

            Take(drive);
        }

        if (_wires is not null)
        {
            // Through wires every column shares the drop: the whole network is solved, the selected columns taken from it.
            allPowerW = ReadWired(drive, noise);
            double selected = 0;
            for (int i = 0; i < columns.Length; i++)
            {
                int col = columns[i];
                for (int k = 0; k < _arrays.Length; k++)
                {
                    selected += _wires[k].ColumnCellPowerW(col);
                }

                reads[i] = Column(col, signs);
            }

            return ReferenceS == 0 ? selected : selected + ReferencePowerW(drive);
        }

        double selectedPower = 0;
        allPowerW = 0;
        bool noisy = _arrays[0].IsNoisy(noise) && ActiveRows > 0;
        // Every word line at one |V| on single-precision arrays: a dot product per column and the kept column sums.
        double? uniformSquareV2 = drive.UniformSquareV2;
        bool driven = uniformSquareV2 is > 0 && _arrays[0].Precision == CellPrecision.Single;
        var singleV = driven ? drive.SingleV : default;
        var voltagesV = drive.VoltagesV;
        for (int i = 0; i < columns.Length; i++)
        {
            int col = columns[i];
            // The additions of SignedCurrentA and ColumnConductanceS, in their order.
            var sum = default(ColumnSum);
            for (int k = 0; k < _arrays.Length; k++)
            {
                double power, drivenS, arrayVariance;
                double arrayCurrent = driven
                    ? _arrays[k].ReadDrivenColumn(singleV, uniformSquareV2!.Value, col, out power, out drivenS, out arrayVariance)
                    : _arrays[k].ReadColumn(voltagesV, col, out power, out drivenS, out arrayVariance);
                sum.Add(k, signs[k], arrayCurrent, power, drivenS, arrayVariance);
            }

            double current = sum.ReadCurrentA(noisy ? noise : null);

            reads[i] = new ColumnRead(
                ReferenceS == 0 ? current : current - (ReferenceS * _voltageSum),
                ReferenceS == 0 ? sum.ConductanceS : sum.ConductanceS + (ReferenceS * ActiveRows));
            selectedPower = i == 0 ? sum.PowerW : selectedPower + sum.PowerW;
        }

        for (int k = 0; k < _arrays.Length; k++)
        {
            allPowerW = k == 0 ? ArrayPowerW(drive, k) : allPowerW + ArrayPowerW(drive, k);
        }

        if (ReferenceS != 0)
        {
            double reference = ReferencePowerW(drive);
            selectedPower += reference;
            allPowerW += reference;
        }

        return selectedPower;
    }

    private double ReadWired(WordLineDrive drive, Random? noise)
    {
        var voltagesV = drive.VoltagesV;
        // The per-cell noise is inside the solved network; nothing is added per column.
        _noisy = false;
        double cells = 0, wires = 0;
        for (int k = 0; k < _arrays.Length; k++)
        {
            var (cellW, wireW) = _wires![k].Read(_arrays[k], voltagesV, _currentsA[k], noise);
            _arrays[k].DrivenConductanceSums(voltagesV, _drivenSumsS[k]);
            cells += cellW;
            wires += wireW;
        }

        WirePowerW = wires;
        return ReferenceS == 0 ? cells : cells + ReferencePowerW(drive);
    }

    // Σ_i V_i²·Σ_j G_ij of array k. Every word line at one |V| (a binary state) gives the same sum read after read
    // until the cells change, so it is kept per array for that V² (the same additions, so the same value).
    private double ArrayPowerW(WordLineDrive drive, int k)
    {
        double? uniformSquareV2 = drive.UniformSquareV2;
        int slot = _keptFirst + k;
        if (uniformSquareV2 is double square && _kept.SquareV2[slot] == square)
        {
            return _kept.PowerW[slot];
        }

        var rowSums = _rowSumsS[k];
        var voltagesV = drive.VoltagesV;
        double p = 0;
        for (int r = 0; r < rowSums.Length; r++)
        {
            double v = voltagesV[r];
            p += v * v * rowSums[r];
        }

        if (uniformSquareV2 is double kept)
        {
            _kept.SquareV2[slot] = kept;
            _kept.PowerW[slot] = p;
        }

        return p;
    }

    /// <summary>Array <paramref name="k"/>'s noise-free column currents of the last whole-array read (one per column).</summary>
    internal double[] CurrentsOf(int k) => _currentsA[k];

    /// <summary>Where the arrays' kept powers live: the store and the first array's place in it.</summary>
    internal (KeptArrayPowers Kept, int First) KeptPowers => (_kept, _keptFirst);

    /// <summary>
    /// Array <paramref name="k"/>'s Σ V²G for a row block's shared drive when no power is kept for its V²: takes and
    /// keeps it as a read through the crossbar does (its row sums first, if the cells changed since they were taken).
    /// A layer's read of one column of every row block takes the kept value from <see cref="KeptPowers"/> itself.
    /// </summary>
    internal double TakeArrayPowerW(WordLineDrive drive, int k)
    {
        if (!_rowSumsValid)
        {
            RefreshRowSums();
        }

        return ArrayPowerW(drive, k);
    }

    private double ReferencePowerW(WordLineDrive drive)
    {
        double? uniformSquareV2 = drive.UniformSquareV2;
        if (uniformSquareV2 is double square && _referenceSquareV2 == square)
        {
            return _referencePowerW;
        }

        double p = 0;
        foreach (double v in drive.VoltagesV)
        {
            p += v * v;
        }

        p *= ReferenceS;
        if (uniformSquareV2 is double kept)
        {
            _referenceSquareV2 = kept;
            _referencePowerW = p;
        }

        return p;
    }

    // A read with the crossbar's own word lines: they were just written, so they are analysed again.
    private WordLineDrive PrepareOwn()
    {
        _ownDrive.Analyse();
        Take(_ownDrive);
        return _ownDrive;
    }

    /// <summary>
    /// Takes a row block's shared word lines as this crossbar's for a whole-layer read its layer does from the bit lines
    /// (<see cref="BitLineReads.ReadWholeRest"/>): the rows it drives (its charges), its row sums if its cells changed.
    /// Nothing of the read is kept here (no currents' noise, no driven sums), so only the layer's read asks for it.
    /// </summary>
    internal void TakeRowBlockDrive(WordLineDrive drive)
    {
        _allPending = false;
        _noisy = false;
        Take(drive);
    }

    // What later questions about this read (ColumnConductanceS, SignedCurrentA, ActiveDrives) need of its word lines.
    private void Take(WordLineDrive drive)
    {
        if (!_rowSumsValid)
        {
            RefreshRowSums();
        }

        ActiveRows = drive.ActiveRows;
        if (ReferenceS != 0)
        {
            _voltageSum = drive.SumV;
        }
    }
}
