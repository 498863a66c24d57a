using System.Numerics.Tensors;
using Engram.Components.Blocks.Adc;
using Engram.Components.Ledger;
using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// A layer's reads of a few columns straight from its arrays' shared bit lines (<see cref="InterleavedBitLines"/>), for a
/// row block whose word lines are all at one |V| (a binary state): the currents, noise draws and powers of
/// <see cref="CrossbarArray.ReadColumns(ReadOnlySpan{int}, Random?, ReadOnlySpan{double}, Span{ColumnRead}, out double)"/>,
/// to the bit and in its order, without going through a <see cref="Macro"/>, its <see cref="CrossbarArray"/> and its
/// <see cref="DeviceArray"/>s. An asynchronous update reads one column of every row block; on a large chip none of
/// those objects is in cache when it comes, and waiting for them was most of the update (docs/devices.md). Here what a
/// read takes of a macro sits column block by column block: its bit lines and their sums in the shared buffers, its
/// arrays' kept powers in the layer's <see cref="KeptArrayPowers"/>, its ledger slots in one table. A whole-layer read
/// takes every column current of a column block from the bit lines in one pass (<see cref="ReadAllCurrents"/>).
/// </summary>
internal sealed class BitLineReads
{
    // Per column block cb and mapping position k, at cb·K + k: the shared bit lines, and the arrays in them by row block.
    private readonly InterleavedBitLines[] _lines;
    private readonly DeviceArray[][] _arrays;
    // ... and their crossbars' buffers for a whole-array read's currents, by row block.
    private readonly double[][][] _currents;
    // Per macro, at cb·R + rb (column block by column block): the crossbar (for a power it has not kept) and the charges.
    private readonly CrossbarArray[] _crossbars;
    private readonly MacroCharges[] _charges;
    private readonly double[] _keptPowerW;
    private readonly double[] _keptSquareV2;
    private readonly int _rowBlocks;
    private readonly int _arraysPerBlock;
    private readonly double _sigma;
    // Per column block, a whole read's scratch: its columns' Σ G and noise variances (one macro at a time).
    private readonly double[][] _conductancesS;
    private readonly double[][] _variancesA2;

    private BitLineReads(Layer layer, InterleavedBitLines[] lines, DeviceArray[][] arrays, KeptArrayPowers kept, int arraysPerBlock)
    {
        _rowBlocks = layer.RowBlocks;
        _arraysPerBlock = arraysPerBlock;
        _lines = lines;
        _arrays = arrays;
        _keptPowerW = kept.PowerW;
        _keptSquareV2 = kept.SquareV2;
        _sigma = layer.Macro(0, 0).Crossbar.Arrays[0].Card.ReadNoiseStdRelative;
        _crossbars = new CrossbarArray[layer.RowBlocks * layer.ColBlocks];
        _charges = new MacroCharges[_crossbars.Length];
        _conductancesS = [.. Enumerable.Range(0, layer.ColBlocks).Select(_ => new double[layer.ArrayCols])];
        _variancesA2 = [.. Enumerable.Range(0, layer.ColBlocks).Select(_ => new double[layer.ArrayCols])];
        _currents = [.. Enumerable.Range(0, lines.Length).Select(at =>
            Enumerable.Range(0, layer.RowBlocks).Select(rb => layer.Macro(rb, at / arraysPerBlock).Crossbar.CurrentsOf(at % arraysPerBlock)).ToArray())];
        for (int cb = 0; cb < layer.ColBlocks; cb++)
        {
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                var macro = layer.Macro(rb, cb);
                int m = (cb * _rowBlocks) + rb;
                _crossbars[m] = macro.Crossbar;
                _charges[m] = new MacroCharges { RowDriverComponent = macro.RowDriverComponent, CrossbarComponent = macro.CrossbarComponent, AdcComponent = macro.AdcComponent };
            }
        }
    }

    /// <summary>
    /// The ledger slots a read of a macro charges through, with their components (kept here rather than on the
    /// <see cref="Macro"/>: a slot is a cached index of the pair's aggregate, so either charges the same one).
    /// </summary>
    internal struct MacroCharges
    {
        public LedgerSlot DriveRow;
        public LedgerSlot Read;
        public LedgerSlot Convert;
        public int RowDriverComponent;
        public int CrossbarComponent;
        public int AdcComponent;
    }

    /// <summary>Whether a read with <paramref name="noise"/> draws read noise (its arrays' card has a read-noise σ).</summary>
    public bool IsNoisy(Random? noise) => noise is not null && _sigma > 0;

    /// <summary>Physical arrays per macro (the mapping's code length).</summary>
    public int ArraysPerBlock => _arraysPerBlock;

    /// <summary>
    /// The reads of <paramref name="layer"/> when every macro keeps its arrays in shared bit lines laid out as the chip
    /// builder lays them (one buffer per column block and mapping position, row block by row block) and its powers in
    /// one <see cref="KeptArrayPowers"/> column block by column block, without wires or a reference column; else null
    /// (its reads go through the crossbars).
    /// </summary>
    public static BitLineReads? For(Layer layer)
    {
        var first = layer.Macro(0, 0).Crossbar;
        int perBlock = first.ArrayCount, rows = first.Rows, cols = first.Cols;
        var (kept, _) = first.KeptPowers;
        var card = first.Arrays[0].Card;
        var lines = new InterleavedBitLines[layer.ColBlocks * perBlock];
        var arrays = new DeviceArray[lines.Length][];
        for (int cb = 0; cb < layer.ColBlocks; cb++)
        {
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                var crossbar = layer.Macro(rb, cb).Crossbar;
                if (crossbar.Wired || crossbar.ReferenceS != 0 || crossbar.Mapping.ReferenceColumns != 0 || crossbar.ArrayCount != perBlock
                    || crossbar.Rows != rows || crossbar.Cols != cols || crossbar.ColStart != cb * cols || crossbar.KeptPowers != (kept, ((cb * layer.RowBlocks) + rb) * perBlock))
                {
                    return null;
                }

                for (int k = 0; k < perBlock; k++)
                {
                    var array = crossbar.Arrays[k];
                    int at = (cb * perBlock) + k;
                    if (array.Card != card || array.Precision != CellPrecision.Single || array.SharedPlace is not { } place || place.Index != rb
                        || place.Lines.Arrays != layer.RowBlocks || (lines[at] ??= place.Lines) != place.Lines)
                    {
                        return null;
                    }

                    (arrays[at] ??= new DeviceArray[layer.RowBlocks])[rb] = array;
                }
            }
        }

        return new BitLineReads(layer, lines, arrays, kept, perBlock);
    }

    /// <summary>The ledger slots of macro (<paramref name="rowBlock"/>, <paramref name="colBlock"/>).</summary>
    public ref MacroCharges ChargesOf(int rowBlock, int colBlock) => ref _charges[(colBlock * _rowBlocks) + rowBlock];

    /// <summary>
    /// Reads the array-local <paramref name="columns"/> of macro (<paramref name="rowBlock"/>, <paramref name="colBlock"/>)
    /// with its row block's word lines <paramref name="drive"/>, all at one |V| (<see cref="WordLineDrive.UniformSquareV2"/>
    /// above 0): what its crossbar's read with that drive gives, the same values and the same draws from
    /// <paramref name="noise"/>. Returns the columns' Σ V²G, and in <paramref name="allPowerW"/> the whole macro's.
    /// </summary>
    public double ReadColumns(int rowBlock, int colBlock, WordLineDrive drive, ReadOnlySpan<int> columns, Random? noise, ReadOnlySpan<double> signs, Span<ColumnRead> reads, out double allPowerW)
    {
        if (drive.UniformSquareV2 is not (double squareV2 and > 0))
        {
            throw new ArgumentException("a read from the bit lines needs every word line at one non-zero |V|", nameof(drive));
        }

        if (reads.Length < columns.Length)
        {
            throw new ArgumentException($"expected room for {columns.Length} column reads, got {reads.Length}", nameof(reads));
        }

        var singleV = drive.SingleV;
        int lines = colBlock * _arraysPerBlock;
        EnsureSums(lines);
        bool noisy = IsNoisy(noise) && drive.ActiveRows > 0;
        double selectedPower = 0;
        for (int i = 0; i < columns.Length; i++)
        {
            int col = columns[i];
            var sum = default(ColumnSum);
            for (int k = 0; k < _arraysPerBlock; k++)
            {
                double arrayCurrent = _lines[lines + k].ReadDrivenColumn(rowBlock, col, singleV, squareV2, _sigma, out double power, out double drivenS, out double variance);
                sum.Add(k, signs[k], arrayCurrent, power, drivenS, variance);
            }

            double current = sum.ReadCurrentA(noisy ? noise : null);

            reads[i] = new ColumnRead(current, sum.ConductanceS);
            selectedPower = i == 0 ? sum.PowerW : selectedPower + sum.PowerW;
        }

        allPowerW = MacroPowerW((colBlock * _rowBlocks) + rowBlock, drive, squareV2);
        return selectedPower;
    }

    // Macro m's Σ V²G over its arrays in their order: each array's kept power for this V², or its crossbar takes it.
    private double MacroPowerW(int m, WordLineDrive drive, double squareV2)
    {
        double powerW = 0;
        for (int k = 0; k < _arraysPerBlock; k++)
        {
            int kept = (m * _arraysPerBlock) + k;
            double arrayW = _keptSquareV2[kept] == squareV2 ? _keptPowerW[kept] : _crossbars[m].TakeArrayPowerW(drive, k);
            powerW = k == 0 ? arrayW : powerW + arrayW;
        }

        return powerW;
    }

    /// <summary>
    /// Every column current of every array of column block <paramref name="colBlock"/> for a whole-layer read, into each
    /// crossbar's own currents (<see cref="CrossbarArray.CurrentsOf"/>), straight from the shared bit lines in memory
    /// order: what each array's own read gives. <paramref name="rowVoltagesV"/> holds every row block's word lines,
    /// row block after row block, as its crossbars are driven.
    /// </summary>
    public void ReadAllCurrents(int colBlock, ReadOnlySpan<float> rowVoltagesV)
    {
        int lines = colBlock * _arraysPerBlock;
        EnsureSums(lines);
        for (int k = 0; k < _arraysPerBlock; k++)
        {
            _lines[lines + k].ReadAllCurrents(rowVoltagesV, _currents[lines + k]);
        }
    }

    /// <summary>
    /// The rest of a whole-layer read of column block <paramref name="colBlock"/> (selected block <paramref name="s"/> of
    /// <paramref name="selected"/>) after <see cref="ReadAllCurrents"/>, with every row block's word lines at one |V|
    /// (<paramref name="drives"/>[rb].<see cref="WordLineDrive.UniformSquareV2"/> above 0): per macro (rb, colBlock), at
    /// (rb·selected + s)·cols, its first <paramref name="converted"/> columns' conversion energies and, when noisy, their
    /// read noise (the standard deviates already there, times each column's σ); at rb·selected + s its cells' power.
    /// The same values as the macro's <see cref="CrossbarArray.ReadAllBeforeNoise(Random?, ReadOnlySpan{double}, bool)"/>,
    /// <see cref="CrossbarArray.FinishAll"/> and its ADCs' energies, from the bit lines' kept sums. Column blocks share
    /// nothing here, so their reads may run in parallel.
    /// </summary>
    public void ReadWholeRest(int colBlock, int s, int selected, ReadOnlySpan<WordLineDrive> drives, ReadOnlySpan<double> signs, bool noisy, int converted, AdcBank adcs, Span<double> energiesJ, Span<double> noiseA, Span<double> macroPowerW)
    {
        int lines = colBlock * _arraysPerBlock, cols = _lines[lines].Cols;
        var conductancesS = _conductancesS[colBlock].AsSpan(0, converted);
        var variancesA2 = _variancesA2[colBlock].AsSpan(0, converted);
        for (int rb = 0; rb < _rowBlocks; rb++)
        {
            var drive = drives[rb];
            if (drive.UniformSquareV2 is not (double squareV2 and > 0))
            {
                throw new ArgumentException($"row block {rb}'s word lines are not all at one non-zero |V|", nameof(drives));
            }

            int m = (colBlock * _rowBlocks) + rb;
            _crossbars[m].TakeRowBlockDrive(drive);
            // Array by array, as the crossbar's read adds them: ColumnConductanceS over the driven sums, and the noise variance.
            for (int k = 0; k < _arraysPerBlock; k++)
            {
                _lines[lines + k].AddDrivenSums(rb, signs[k] * signs[k], _sigma, squareV2, k == 0, conductancesS, variancesA2);
            }

            int at = ((rb * selected) + s) * cols;
            adcs.ConversionEnergiesJ(conductancesS, energiesJ.Slice(at, converted));
            if (noisy)
            {
                // σ = √variance and deviate·σ, correctly rounded lane by lane as one at a time.
                var noise = noiseA.Slice(at, converted);
                TensorPrimitives.Sqrt(variancesA2, variancesA2);
                TensorPrimitives.Multiply(noise, variancesA2, noise);
            }

            macroPowerW[(rb * selected) + s] = MacroPowerW(m, drive, squareV2);
        }
    }

    /// <summary>
    /// The signed currents of the first <c>signedA.Length</c> columns of macro (<paramref name="rowBlock"/>,
    /// <paramref name="colBlock"/>) after a whole-layer read, with their read noise when <paramref name="noiseA"/> is not
    /// empty: <see cref="CrossbarArray.SignedCurrentsA"/>'s operations in its order (so the same bits).
    /// </summary>
    public void SignedCurrentsA(int rowBlock, int colBlock, ReadOnlySpan<double> signs, ReadOnlySpan<double> noiseA, Span<double> signedA)
    {
        int lines = colBlock * _arraysPerBlock, count = signedA.Length;
        TensorPrimitives.Multiply(_currents[lines][rowBlock].AsSpan(0, count), signs[0], signedA);
        for (int k = 1; k < _arraysPerBlock; k++)
        {
            TensorPrimitives.MultiplyAdd(_currents[lines + k][rowBlock].AsSpan(0, count), signs[k], signedA, signedA);
        }

        if (!noiseA.IsEmpty)
        {
            TensorPrimitives.Add(signedA, noiseA[..count], signedA);
        }
    }

    // A written array's sums are taken again before its bit lines are read (each array takes its own, as its read would).
    private void EnsureSums(int lines)
    {
        for (int k = 0; k < _arraysPerBlock; k++)
        {
            if (!_lines[lines + k].SumsCurrent)
            {
                foreach (var array in _arrays[lines + k])
                {
                    array.PrecomputeColumnSums();
                }
            }
        }
    }
}
