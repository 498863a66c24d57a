using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// One matrix-vector product of a layer on the kernel: per input plane, drive every word line, read the arrays
/// that hold a selected column, convert the selected columns on their arrays' ADCs (queueing for shared
/// converters), shift-add bit-serial planes; then carry the partial sums of several row blocks over the
/// interconnect and reduce them. Each block charges its own actions; the scratch buffers are reused.
/// </summary>
internal sealed class LayerRead
{
    private readonly Layer _layer;
    private readonly BlockSite _crossbarSite;
    private readonly Random? _readNoise;
    private readonly bool _conductAll;
    private readonly double[] _plane;
    private readonly int[] _colBlocks;
    private readonly int[] _firstSelected;
    private readonly int[] _local;
    private readonly BroadcastEnergy _broadcast;
    // Per input plane, the row blocks' word lines for reads of a few columns (kept while their inputs stay the same).
    private readonly RowBlockDrives[] _drives;
    // A read of a few columns: each row block's drive for the current plane.
    private readonly WordLineDrive[] _rowDrives;
    // Reads of a few columns straight from the shared bit lines (null when the layer's arrays are not laid out for them).
    private readonly BitLineReads? _bitLines;
    private readonly List<Event> _conversions = [];
    private readonly double[] _energiesJ;
    // A read of a few columns: what each macro's selected columns gave, by row block then selected column.
    private ColumnRead[] _columnReads = [];
    // What TouchMacros loaded, kept so that its loads are not optimized away.
    private long _touched;
    // ReadAllInParallel's state: each macro's power, the selected column blocks, the work items.
    private double[] _allW = [];
    private int _parallelSelectedBlocks;
    private readonly Action<int> _readAllMacro;
    private readonly Action<int> _readAllColumnBlock;
    // A whole-layer read from the bit lines: every row block's word lines in single precision, row block after row block.
    private readonly float[] _rowBlockV;
    // A whole-layer read's conversions: each macro's energies at (rb·selected + s)·cols, and per selected block a scratch
    // for its combined column currents; the work items that fill them.
    private double[] _wholeEnergiesJ = [];
    private readonly double[] _wholeSignedA;
    private readonly Action<int> _wholeEnergies;
    private readonly Action<int> _wholeCodes;
    private double _wholePlaneWeight;
    private double[] _wholeOutput = [];
    // A whole-layer read from the bit lines with every word line at one |V| (ReadWhole): each macro's read noise at the
    // place of its energies, whether the read is noisy, and whether the codes come from the bit lines' currents.
    private double[] _wholeNoiseA = [];
    private bool _wholeNoisy;
    private bool _wholeFromBitLines;
    // A parallel whole read's polar pairs (drawn in order, made deviates by each work item), and whether it has them.
    private double[] _pairU = [], _pairV = [], _pairS = [];
    private bool _wholeFromPairs;
    private readonly Action<int> _readWholeBlock;
    // The broadcast aggregates' ledger slots, kept from their first charge (they are charged on every update).
    private LedgerSlot _broadcastDriveRowSlot;
    private LedgerSlot _broadcastReadSlot;

    public LayerRead(Layer layer, BlockSite crossbarSite, Random? readNoise, bool unselectedColumnsConduct)
    {
        _layer = layer;
        _crossbarSite = crossbarSite;
        _readNoise = readNoise;
        _conductAll = unselectedColumnsConduct;
        _plane = new double[layer.Inputs];
        _colBlocks = new int[layer.ColBlocks];
        _firstSelected = new int[layer.ColBlocks + 1];
        _local = new int[layer.ArrayCols];
        _energiesJ = new double[layer.ArrayCols];
        _readAllMacro = ReadAllMacro;
        _readAllColumnBlock = ReadAllColumnBlock;
        _wholeEnergies = WholeEnergies;
        _wholeCodes = WholeCodes;
        _readWholeBlock = ReadWholeBlock;
        _wholeSignedA = new double[layer.ColBlocks * layer.ArrayCols];
        _broadcast = new BroadcastEnergy(layer.Blocks.Drivers.Driver.Planes, layer.Inputs);
        _drives = [.. Enumerable.Range(0, layer.Blocks.Drivers.Driver.Planes).Select(_ => new RowBlockDrives(layer))];
        _rowDrives = new WordLineDrive[layer.RowBlocks];
        _bitLines = BitLineReads.For(layer);
        _rowBlockV = _bitLines is null ? [] : new float[layer.RowBlocks * layer.Macro(0, 0).Crossbar.Rows];
    }

    /// <summary>
    /// Runs every conversion as its own kernel process queueing on its array's ADC resource: the reference the
    /// closed-form rounds are tested against (same times, charges, codes; more events).
    /// </summary>
    internal bool QueuedConversions { get; set; }

    /// <summary>Test hook: whether reads go straight to the bit lines where they can (the default) or through the macros.</summary>
    internal bool ReadsBitLines { get; set; } = true;

    /// <summary>Whether the layer's arrays are laid out for reads straight from their bit lines.</summary>
    internal bool HasBitLineReads => _bitLines is not null;

    // The bit-line reads when they are used.
    private BitLineReads? BitLines => ReadsBitLines ? _bitLines : null;

    /// <summary>Test hook: the cells from which a whole-layer read goes parallel (<see cref="ParallelCells"/> by default).</summary>
    internal long ParallelReadCells { get; set; } = ParallelCells;

    /// <summary>Programming changed the conductances.</summary>
    public void Invalidate()
    {
        _broadcast.Invalidate();
        foreach (var drives in _drives)
        {
            drives.Invalidate();
        }
    }

    public IEnumerable<Wait> Run(double[] input, double[] output, ColumnSelection columns)
    {
        var layer = _layer;
        var (cells, drivers, adcs, shiftAdd, tree, link) = layer.Blocks;
        var driver = drivers.Driver;
        int selectedBlocks = SelectBlocks(columns);
        if (columns.IsAll)
        {
            Array.Clear(output, 0, layer.Outputs);
        }
        else
        {
            if (_columnReads.Length < layer.RowBlocks * columns.Count)
            {
                _columnReads = new ColumnRead[layer.RowBlocks * columns.Count];
            }

            for (int i = 0; i < columns.Count; i++)
            {
                output[columns[i]] = 0;
            }
        }

        for (int p = 0; p < driver.Planes; p++)
        {
            driver.Encode(input.AsSpan(0, layer.Inputs), p, _plane);
            double planeWeight = driver.PlaneWeight(p);
            long edge = _crossbarSite.ToEdge();
            if (edge > 0)
            {
                yield return _crossbarSite.Sim.Timeout(edge);
            }

            long readPs = cells.ReadPs;
            // Every row block's word lines first, for a read of a few columns (the broadcast below then knows from them
            // whether the inputs changed) and for a whole-layer read from the bit lines (which takes them in one run).
            bool currentsRead = columns.IsAll && BitLines is not null;
            if (!columns.IsAll || currentsRead)
            {
                DriveRowBlocks(p, currentsRead);
            }

            if (!columns.IsAll && _conductAll)
            {
                ChargeBroadcast(p, selectedBlocks);
            }

            if (!columns.IsAll && BitLines is null)
            {
                TouchMacros(selectedBlocks);
            }

            // A whole-layer read from the bit lines takes every column current of a column block in one pass first.
            // Only the arrays holding a selected column are read (the others were charged by the broadcast above).
            bool parallel = columns.IsAll && (long)layer.RowBlocks * selectedBlocks * layer.Macro(0, 0).Crossbar.Rows * layer.ArrayCols >= ParallelReadCells
                && !layer.Macro(0, 0).Crossbar.Wired;
            _wholeFromBitLines = currentsRead && !QueuedConversions && EveryRowBlockUniform();
            if (_wholeFromBitLines)
            {
                ReadWhole(selectedBlocks, parallel);
            }
            else if (parallel)
            {
                ReadAllInParallel(selectedBlocks, currentsRead);
            }
            else
            {
                for (int s = 0; currentsRead && s < selectedBlocks; s++)
                {
                    BitLines!.ReadAllCurrents(_colBlocks[s], _rowBlockV);
                }

                for (int rb = 0; rb < layer.RowBlocks; rb++)
                {
                    if (columns.IsAll)
                    {
                        for (int s = 0; s < selectedBlocks; s++)
                        {
                            ReadMacro(layer.Macro(rb, _colBlocks[s]), currentsRead);
                        }

                        continue;
                    }

                    var drive = _rowDrives[rb];
                    bool fromBitLines = BitLines is not null && drive.UniformSquareV2 is > 0;
                    for (int s = 0; s < selectedBlocks; s++)
                    {
                        if (fromBitLines)
                        {
                            ReadBitLines(rb, s, drive, columns, ReadsOf(rb, columns, s));
                        }
                        else
                        {
                            ReadMacro(layer.Macro(rb, _colBlocks[s]), drive, columns, s, ReadsOf(rb, columns, s));
                        }
                    }
                }
            }

            if (readPs > 0)
            {
                yield return _crossbarSite.Sim.Timeout(readPs);
            }

            // The selected columns queue for their arrays' converters: all ask at once, so each array's ADCs take its
            // columns in rounds of PerArray, every round starting on an ADC edge. The rounds are walked here in closed
            // form (the same times, charges and codes as one queued process per conversion, without the processes).
            if (QueuedConversions)
            {
                StartConversions(columns, selectedBlocks, planeWeight, output);
                yield return _crossbarSite.Sim.AllOf(_conversions);
            }

            var adcSite = adcs.Site;
            long convertPs = adcs.ConvertPs;
            int most = QueuedConversions ? 0 : MostConversions(columns, selectedBlocks);
            // A whole-layer read's conversions: every energy taken first (in parallel on a large layer), the rounds charge
            // them in their order, and every code is added once the last round ends (each output from its row blocks in
            // order, as the rounds add them; nothing reads the outputs before the read is over).
            bool whole = columns.IsAll && most > 0;
            if (whole && !_wholeFromBitLines)
            {
                WholeConversions(selectedBlocks, parallel, _wholeEnergies);
            }

            for (int first = 0; first < most; first += adcs.PerArray)
            {
                long adcEdge = adcSite.ToEdge();
                if (adcEdge > 0)
                {
                    yield return adcSite.Sim.Timeout(adcEdge);
                }

                Round(columns, selectedBlocks, first, convertPs, planeWeight, output, quantize: false);
                if (convertPs > 0)
                {
                    yield return adcSite.Sim.Timeout(convertPs);
                }

                Round(columns, selectedBlocks, first, convertPs, planeWeight, output, quantize: true);
            }

            if (whole)
            {
                _wholePlaneWeight = planeWeight;
                _wholeOutput = output;
                WholeConversions(selectedBlocks, parallel, _wholeCodes);
            }

            if (driver.Planes > 1)
            {
                long adds = columns.IsAll ? (long)layer.ArrayCols * layer.RowBlocks * layer.ColBlocks : (long)columns.Count * layer.RowBlocks;
                foreach (var w in shiftAdd.Add(layer.Components.ShiftAdd, adds))
                {
                    yield return w;
                }
            }
        }

        if (layer.RowBlocks > 1)
        {
            int outputs = columns.IsAll ? layer.Outputs : columns.Count;
            foreach (var w in link.Transfer(layer.Components.Interconnect, (long)outputs * layer.RowBlocks))
            {
                yield return w;
            }

            foreach (var w in tree.Reduce(layer.Components.AdderTree, outputs))
            {
                yield return w;
            }
        }
    }

    /// <summary>The column blocks holding a selected column, ascending, with the index of each block's first selected column.</summary>
    private int SelectBlocks(ColumnSelection columns)
    {
        if (columns.IsAll)
        {
            for (int cb = 0; cb < _layer.ColBlocks; cb++)
            {
                _colBlocks[cb] = cb;
            }

            return _layer.ColBlocks;
        }

        if (columns[columns.Count - 1] >= _layer.Outputs)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), $"column {columns[columns.Count - 1]} is beyond layer {_layer.Index}'s {_layer.Outputs} outputs");
        }

        int count = 0;
        for (int i = 0; i < columns.Count; i++)
        {
            int cb = columns[i] / _layer.ArrayCols;
            if (count == 0 || _colBlocks[count - 1] != cb)
            {
                _colBlocks[count] = cb;
                _firstSelected[count] = i;
                count++;
            }
        }

        _firstSelected[count] = columns.Count;
        return count;
    }

    // A whole-layer read: every macro drives its own word lines and reads every column (its currents already taken
    // from the bit lines when currentsRead).
    private void ReadMacro(Macro macro, bool currentsRead)
    {
        _layer.Drive(macro, _plane);
        var crossbar = macro.Crossbar;
        double allW = crossbar.ReadAllBeforeNoise(_readNoise, _layer.Scale.Signs, currentsRead);
        crossbar.FinishAll(_readNoise);
        ChargeWholeRead(macro, allW);
    }

    // Every row block's word lines for plane p, as each of its crossbars is driven with them; with `single`, also in
    // single precision, row block after row block.
    private void DriveRowBlocks(int p, bool single)
    {
        for (int rb = 0; rb < _layer.RowBlocks; rb++)
        {
            var drive = _rowDrives[rb] = _drives[p].For(rb, _plane);
            if (single)
            {
                drive.SingleV.CopyTo(_rowBlockV.AsSpan(rb * drive.VoltagesV.Length));
            }
        }
    }

    // The charges of a whole-array read that dissipated allW in its cells (none in the array when the converter carries the current).
    private void ChargeWholeRead(Macro macro, double allW)
    {
        var crossbar = macro.Crossbar;
        bool inConverter = _layer.Blocks.Cells.CurrentInConverter;
        double cellPowerW = inConverter ? 0 : allW;
        long conductingCells = inConverter ? 0 : crossbar.ActiveRows * crossbar.CellColumns(crossbar.Cols);
        ChargeMacro(macro, conductingCells, cellPowerW);
    }

    // A read of a few columns: the macro's row block's word lines, the selected columns of the macro.
    private void ReadMacro(Macro macro, WordLineDrive drive, ColumnSelection columns, int selectedBlock, Span<ColumnRead> reads)
    {
        var crossbar = macro.Crossbar;
        int first = _firstSelected[selectedBlock], read = _firstSelected[selectedBlock + 1] - first;
        for (int i = 0; i < read; i++)
        {
            _local[i] = columns[first + i] - crossbar.ColStart;
        }

        double selected = crossbar.ReadColumns(drive, _local.AsSpan(0, read), _readNoise, _layer.Scale.Signs, reads, out double all);
        var (conductingCells, cellPowerW) = Conducting(crossbar.ActiveRows, crossbar.Cols, crossbar.ArrayCount, crossbar.Mapping.ReferenceColumns, read, selected, all);
        ChargeMacro(macro, conductingCells, cellPowerW);
    }

    // ReadMacro's read of a few columns from the shared bit lines (its row block's word lines all at one |V|): the same
    // reads, draws and charges, through the bit-line reads' tables instead of the macro's objects.
    private void ReadBitLines(int rowBlock, int selectedBlock, WordLineDrive drive, ColumnSelection columns, Span<ColumnRead> reads)
    {
        var bitLines = _bitLines!;
        var (cells, drivers, _, _, _, _) = _layer.Blocks;
        int colBlock = _colBlocks[selectedBlock], colStart = colBlock * _layer.ArrayCols;
        int first = _firstSelected[selectedBlock], read = _firstSelected[selectedBlock + 1] - first;
        for (int i = 0; i < read; i++)
        {
            _local[i] = columns[first + i] - colStart;
        }

        double selected = bitLines.ReadColumns(rowBlock, colBlock, drive, _local.AsSpan(0, read), _readNoise, _layer.Scale.Signs, reads, out double all);
        int perBlock = bitLines.ArraysPerBlock;
        var (conductingCells, cellPowerW) = Conducting(drive.ActiveRows, _layer.ArrayCols, perBlock, 0, read, selected, all);
        ref var charges = ref bitLines.ChargesOf(rowBlock, colBlock);
        drivers.Charge(ref charges.DriveRow, charges.RowDriverComponent, drive.VoltagesV.Length * perBlock, drive.ActiveRows * perBlock);
        cells.ChargeRead(ref charges.Read, charges.CrossbarComponent, conductingCells, cellPowerW);
    }

    // What a read of `read` of a macro's `cols` columns conducts (the driven rows of those columns in every array, plus
    // the reference cells) and their power: without the converted columns' when the converter carries their current,
    // with every column's when unselected columns conduct too.
    private (long Cells, double PowerW) Conducting(int activeRows, int cols, int arrays, int referenceColumns, int read, double selectedW, double allW)
    {
        bool inConverter = _layer.Blocks.Cells.CurrentInConverter;
        int others = _conductAll ? cols - read : 0;
        int conducting = inConverter ? others : others + read;
        double powerW = inConverter ? (_conductAll ? allW - selectedW : 0) : (_conductAll ? allW : selectedW);
        return (activeRows * (((long)arrays * conducting) + referenceColumns), powerW);
    }

    // A whole-layer read of this many cells or more spreads its column blocks' (or macros') reads over the cores; a
    // smaller one is done before the hand-over to the pool pays off, so its macros are read one after another
    // (measured on 2 cores, a synchronous iteration's median: tiled-256's 65 K cells 50-55 us either way, hnn64's
    // 4 K slower in parallel; tiled-1024's 1 M cells 840-1,110 us serial, 580-690 us parallel).
    private const long ParallelCells = 1L << 19;

    // The whole-layer read with the part of every macro's read that draws nothing in parallel (macros share nothing),
    // then, macro after macro in the serial order, its noise draws and its charges: the same draws from the
    // read-noise stream and the same ledger additions as ReadMacro macro by macro.
    private void ReadAllInParallel(int selectedBlocks, bool currentsRead)
    {
        var layer = _layer;
        int count = layer.RowBlocks * selectedBlocks;
        if (_allW.Length < count)
        {
            _allW = new double[count];
        }

        _parallelSelectedBlocks = selectedBlocks;
        if (currentsRead)
        {
            InParallel(selectedBlocks, _readAllColumnBlock);
        }
        else
        {
            InParallel(count, _readAllMacro);
        }

        for (int i = 0; i < count; i++)
        {
            var macro = layer.Macro(i / selectedBlocks, _colBlocks[i % selectedBlocks]);
            macro.Crossbar.FinishAll(_readNoise);
            ChargeWholeRead(macro, _allW[i]);
        }
    }

    // ReadAllInParallel's work item i (row block i / selected blocks, in ReadMacro's order): drive and read, no draws.
    private void ReadAllMacro(int i)
    {
        var macro = _layer.Macro(i / _parallelSelectedBlocks, _colBlocks[i % _parallelSelectedBlocks]);
        _layer.Drive(macro, _plane);
        _allW[i] = macro.Crossbar.ReadAllBeforeNoise(_readNoise, _layer.Scale.Signs);
    }

    // ReadAllInParallel's work item from the bit lines: selected block s's currents in one pass, then each of its macros
    // (the items of ReadAllMacro i = rb·selected + s) without their dot products.
    private void ReadAllColumnBlock(int s)
    {
        _bitLines!.ReadAllCurrents(_colBlocks[s], _rowBlockV);
        for (int rb = 0; rb < _layer.RowBlocks; rb++)
        {
            var macro = _layer.Macro(rb, _colBlocks[s]);
            _layer.Drive(macro, _plane);
            _allW[(rb * _parallelSelectedBlocks) + s] = macro.Crossbar.ReadAllBeforeNoise(_readNoise, _layer.Scale.Signs, currentsRead: true);
        }
    }

    private bool EveryRowBlockUniform()
    {
        foreach (var drive in _rowDrives)
        {
            if (drive.UniformSquareV2 is not > 0)
            {
                return false;
            }
        }

        return true;
    }

    // A whole-layer read from the bit lines with every row block's word lines at one |V| (a binary state): every macro's
    // read noise drawn first, in ReadMacro's order (in parallel, its polar pairs: each work item makes its macros'
    // deviates of them); then, column block by column block (in parallel on a large layer), the currents from the bit
    // lines and, from their kept sums, each column's energy and noise and each macro's power; then the macros' charges
    // in ReadMacro's order. The same draws, values and ledger additions as ReadMacro macro by macro and the conversions'
    // energies after it, without the crossbars' own drives, variances and driven sums.
    private void ReadWhole(int selectedBlocks, bool parallel)
    {
        var layer = _layer;
        int macros = layer.RowBlocks * selectedBlocks, cols = layer.ArrayCols;
        EnsureWholeEnergies();
        if (_allW.Length < macros)
        {
            _allW = new double[macros];
        }

        _wholeNoisy = _bitLines!.IsNoisy(_readNoise);
        _wholeFromPairs = _wholeNoisy && cols % 2 == 0 && parallel;
        if (_wholeNoisy)
        {
            if (_wholeNoiseA.Length < _wholeEnergiesJ.Length)
            {
                _wholeNoiseA = new double[_wholeEnergiesJ.Length];
            }

            // One run of deviates is the macros' runs one after another when each run is even (Fill pairs them up). In
            // parallel only the pairs are drawn here (they follow the stream); each work item makes its macros' deviates.
            if (_wholeFromPairs)
            {
                int pairs = macros * cols / 2;
                if (_pairU.Length < pairs)
                {
                    (_pairU, _pairV, _pairS) = (new double[pairs], new double[pairs], new double[pairs]);
                }

                StandardNormal.FillPairs(_readNoise!, _pairU.AsSpan(0, pairs), _pairV.AsSpan(0, pairs), _pairS.AsSpan(0, pairs));
            }
            else if (cols % 2 == 0)
            {
                StandardNormal.Fill(_readNoise!, _wholeNoiseA.AsSpan(0, macros * cols));
            }
            else
            {
                for (int m = 0; m < macros; m++)
                {
                    StandardNormal.Fill(_readNoise!, _wholeNoiseA.AsSpan(m * cols, cols));
                }
            }
        }

        _parallelSelectedBlocks = selectedBlocks;
        if (parallel)
        {
            InParallel(selectedBlocks, _readWholeBlock);
        }
        else
        {
            for (int s = 0; s < selectedBlocks; s++)
            {
                ReadWholeBlock(s);
            }
        }

        for (int m = 0; m < macros; m++)
        {
            ChargeWholeRead(layer.Macro(m / selectedBlocks, _colBlocks[m % selectedBlocks]), _allW[m]);
        }
    }

    // ReadWhole's work item: selected block s's currents, energies, noise and powers.
    private void ReadWholeBlock(int s)
    {
        var layer = _layer;
        int colBlock = _colBlocks[s], cols = layer.ArrayCols;
        for (int rb = 0; _wholeFromPairs && rb < layer.RowBlocks; rb++)
        {
            int m = (rb * _parallelSelectedBlocks) + s, pairs = m * cols / 2;
            StandardNormal.FromPairs(_pairU.AsSpan(pairs, cols / 2), _pairV.AsSpan(pairs, cols / 2), _pairS.AsSpan(pairs, cols / 2), _wholeNoiseA.AsSpan(m * cols, cols));
        }

        _bitLines!.ReadAllCurrents(colBlock, _rowBlockV);
        int converted = Conversions(layer.Macro(0, colBlock), ColumnSelection.All, s);
        _bitLines.ReadWholeRest(colBlock, s, _parallelSelectedBlocks, _rowDrives, layer.Scale.Signs, _wholeNoisy, converted, layer.Blocks.Adcs, _wholeEnergiesJ, _wholeNoiseA, _allW);
    }

    private void ChargeMacro(Macro macro, long conductingCells, double cellPowerW)
    {
        var (cells, drivers, _, _, _, _) = _layer.Blocks;
        var crossbar = macro.Crossbar;
        drivers.Charge(ref macro.DriveRowSlot, macro.RowDriverComponent, macro.Drives, macro.ActiveDrives);
        cells.ChargeRead(ref macro.ReadSlot, macro.CrossbarComponent, conductingCells, cellPowerW);
        if (crossbar.WirePowerW > 0)
        {
            cells.ChargeWires(ref macro.WireLossSlot, macro.CrossbarComponent, crossbar.WirePowerW);
        }
    }

    // The macros of a read of a few columns, touched before they are read (see CrossbarArray.TouchColumnRead).
    private void TouchMacros(int selectedBlocks)
    {
        long touched = 0;
        for (int rb = 0; rb < _layer.RowBlocks; rb++)
        {
            for (int s = 0; s < selectedBlocks; s++)
            {
                touched += _layer.Macro(rb, _colBlocks[s]).Crossbar.TouchColumnRead();
            }
        }

        _touched = touched;
    }

    /// <summary>The reads of selected block <paramref name="selectedBlock"/>'s columns on row block <paramref name="rowBlock"/>.</summary>
    private Span<ColumnRead> ReadsOf(int rowBlock, ColumnSelection columns, int selectedBlock) =>
        _columnReads.AsSpan((rowBlock * columns.Count) + _firstSelected[selectedBlock], _firstSelected[selectedBlock + 1] - _firstSelected[selectedBlock]);

    /// <summary>The most conversions any one array of the read has (its converters' queue length).</summary>
    private int MostConversions(ColumnSelection columns, int selectedBlocks)
    {
        int most = 0;
        for (int s = 0; s < selectedBlocks; s++)
        {
            most = Math.Max(most, Conversions(_layer.Macro(0, _colBlocks[s]), columns, s));
        }

        return most;
    }

    private int Conversions(Macro macro, ColumnSelection columns, int selectedBlock) => columns.IsAll
        ? Math.Min(macro.Crossbar.Cols, _layer.Outputs - macro.Crossbar.ColStart)
        : _firstSelected[selectedBlock + 1] - _firstSelected[selectedBlock];

    /// <summary>
    /// One round of conversions (queue places [first, first + PerArray) of every array), in the order the queued
    /// conversions would run: row block, then column block, then column. Charges them at their start, or, at their
    /// end, adds their codes to <paramref name="output"/>.
    /// </summary>
    private void Round(ColumnSelection columns, int selectedBlocks, int first, long convertPs, double planeWeight, double[] output, bool quantize)
    {
        var layer = _layer;
        var adcs = layer.Blocks.Adcs;
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            for (int s = 0; s < selectedBlocks; s++)
            {
                var macro = layer.Macro(rb, _colBlocks[s]);
                int end = Math.Min(first + adcs.PerArray, Conversions(macro, columns, s));
                if (end <= first)
                {
                    continue;
                }

                if (columns.IsAll)
                {
                    // The codes are added after the last round (WholeCodes).
                    if (!quantize)
                    {
                        int at = (((rb * selectedBlocks) + s) * layer.ArrayCols) + first;
                        adcs.ChargeEach(macro, _wholeEnergiesJ.AsSpan(at, end - first), convertPs);
                    }

                    continue;
                }

                var reads = ReadsOf(rb, columns, s);
                if (quantize)
                {
                    for (int q = first; q < end; q++)
                    {
                        adcs.Quantize(columns[_firstSelected[s] + q], reads[q].SignedCurrentA, layer.Scale, planeWeight, output);
                    }
                }
                else if (BitLines is { } bitLines)
                {
                    // The same aggregate as the macro's own slot, from the table a read of a few columns already has in cache.
                    ref var charges = ref bitLines.ChargesOf(rb, _colBlocks[s]);
                    adcs.ChargeEach(ref charges.Convert, charges.AdcComponent, reads[first..end], convertPs, _energiesJ);
                }
                else
                {
                    adcs.ChargeEach(macro, reads[first..end], convertPs, _energiesJ);
                }
            }
        }
    }

    // Runs a whole-layer read's conversion work items, one per selected column block (in parallel when the read was).
    private void WholeConversions(int selectedBlocks, bool parallel, Action<int> item)
    {
        EnsureWholeEnergies();
        _parallelSelectedBlocks = selectedBlocks;
        if (!parallel)
        {
            for (int s = 0; s < selectedBlocks; s++)
            {
                item(s);
            }

            return;
        }

        InParallel(selectedBlocks, item);
    }

    private void EnsureWholeEnergies()
    {
        int size = _layer.RowBlocks * _layer.ColBlocks * _layer.ArrayCols;
        if (_wholeEnergiesJ.Length < size)
        {
            _wholeEnergiesJ = new double[size];
        }
    }

    // Work items 0..count on the pool; a failing item's own exception, not the pool's aggregate of it.
    private static void InParallel(int count, Action<int> item)
    {
        try
        {
            Parallel.For(0, count, item);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    // Selected block s's conversion energies, macro by macro (they read the crossbars only).
    private void WholeEnergies(int s)
    {
        var layer = _layer;
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            var macro = layer.Macro(rb, _colBlocks[s]);
            int at = ((rb * _parallelSelectedBlocks) + s) * layer.ArrayCols;
            layer.Blocks.Adcs.ConversionEnergiesJ(macro, _wholeEnergiesJ.AsSpan(at, Conversions(macro, ColumnSelection.All, s)));
        }
    }

    // Selected block s's codes into the outputs its columns feed, row block after row block (its outputs are its own).
    private void WholeCodes(int s)
    {
        var layer = _layer;
        var signedA = _wholeSignedA.AsSpan(s * layer.ArrayCols, layer.ArrayCols);
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            var macro = layer.Macro(rb, _colBlocks[s]);
            int converted = Conversions(macro, ColumnSelection.All, s);
            if (_wholeFromBitLines)
            {
                int at = ((rb * _parallelSelectedBlocks) + s) * layer.ArrayCols;
                var noiseA = _wholeNoisy ? _wholeNoiseA.AsSpan(at, converted) : [];
                _bitLines!.SignedCurrentsA(rb, _colBlocks[s], layer.Scale.Signs, noiseA, signedA[..converted]);
                layer.Blocks.Adcs.QuantizeEach(signedA[..converted], macro.Crossbar.ColStart, layer.Scale, _wholePlaneWeight, _wholeOutput);
                continue;
            }

            layer.Blocks.Adcs.QuantizeRange(macro, 0, converted, layer.Scale, _wholePlaneWeight, _wholeOutput, signedA);
        }
    }

    private void StartConversions(ColumnSelection columns, int selectedBlocks, double planeWeight, double[] output)
    {
        var layer = _layer;
        var adcs = layer.Blocks.Adcs;
        var sim = _crossbarSite.Sim;
        _conversions.Clear();
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            for (int s = 0; s < selectedBlocks; s++)
            {
                var macro = layer.Macro(rb, _colBlocks[s]);
                for (int q = 0; q < Conversions(macro, columns, s); q++)
                {
                    int col = columns.IsAll ? q : columns[_firstSelected[s] + q] - macro.Crossbar.ColStart;
                    var read = columns.IsAll ? macro.Crossbar.Column(col, layer.Scale.Signs) : ReadsOf(rb, columns, s)[q];
                    _conversions.Add(sim.Process(adcs.Convert(macro, col, read, layer.Scale, planeWeight, output)));
                }
            }
        }
    }

    private void ChargeBroadcast(int planeIndex, int selectedBlocks)
    {
        var (cells, drivers, _, _, _, _) = _layer.Blocks;
        var outside = _broadcast.Outside(_layer, planeIndex, _plane, _colBlocks.AsSpan(0, selectedBlocks), _drives[planeIndex].Version);
        if (outside.Drives == 0)
        {
            return;
        }

        drivers.Charge(ref _broadcastDriveRowSlot, _layer.Components.BroadcastRowDriver, outside.Drives, outside.ActiveDrives);
        cells.ChargeRead(ref _broadcastReadSlot, _layer.Components.BroadcastCrossbar, outside.ConductingCells, Math.Max(outside.PowerW, 0));
    }
}
