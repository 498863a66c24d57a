using System.Buffers;
using System.Numerics.Tensors;

namespace Engram.Models.Devices;

/// <summary>
/// A rows × cols crossbar of one device card: per-cell conductances (siemens, row-major), a nested stuck-at fault
/// map, per-cell sampled pulse-response parameters, and optional drift state. Rows are driven with voltages,
/// columns collect currents: I_j = Σ_i V_i·G_ij. Randomness always comes from the caller.
/// </summary>
/// <remarks>
/// A device's pulse-response state w (aihwkit units) maps linearly onto conductance through the card's
/// mean bounds: G = Gmin + (w − w_min)/(w_max − w_min)·(Gmax − Gmin). Sampled per-device bounds therefore
/// give each device its own conductance range [<see cref="MinConductanceS"/>, <see cref="MaxConductanceS"/>].
/// <para>
/// Built from stream <em>sources</em> (a function that returns the array's stream afresh, from its start), an
/// array keeps per cell only what a read needs: its conductance, in single precision by default, and its stuck kind (5 bytes). The pulse-response
/// parameters are sampled when something first needs one cell's (a pulse, a single-cell write, a bound), and
/// sweeps over the whole array (construction, <see cref="Fill"/>, whole-array programming) draw each device's
/// bounds as they go and keep none; the fault draws are redrawn when the rate changes. Every one of these draws
/// the same numbers in the same order as an array built from the streams themselves, so the two give identical
/// conductances. A drifting card samples at once (its exponents follow the pulse parameters in the stream).
/// </para>
/// </remarks>
public sealed class DeviceArray
{
    private readonly ConductanceStore _g;
    private readonly StuckKind[] _stuck;
    private readonly double[] _readScratch;
    private readonly float[] _singleScratch;
    private readonly double[] _rowScratch;

    // Σ_r G_rc and Σ_r G_rc² per column, kept while no cell is written: a read that drives every row takes its
    // driven conductance and its read-noise variance from them instead of from the cells.
    private readonly BitLineSums _columnSums;
    private bool _columnSumsValid;
    private readonly InterleavedBitLines? _lines;
    private bool _initialPending;

    // Write noise (aihwkit write_noise_std): pulses act on a hidden persistent state; reads see it plus noise
    // re-drawn whenever the cell is written. Same array as _g when the card has no write noise.
    private readonly ConductanceStore _persistentS;
    private readonly double _writeNoiseStdS;
    private readonly double[] _driftAgeS;
    private readonly double[] _driftNu;
    private readonly double _weightPerSiemens;
    private readonly WeightScale _scale;

    // Null for an array built from streams: then the samples and the fault map exist from the start.
    private readonly Func<Random>? _variationSource;
    private readonly Func<Random>? _faultSource;
    private IPulseResponse? _response;
    private FaultMap? _faults;

    /// <param name="variationRng">Stream for the device-to-device parameters (and drift exponents), drawn here.</param>
    /// <param name="faultRng">Stream for the fault map, drawn here; kept apart so fault maps do not move when variation changes.</param>
    /// <param name="faultRate">Overrides the card's stuck-at rate (e.g. for a sweep over p with nested maps).</param>
    public DeviceArray(DeviceCard card, int rows, int cols, Random variationRng, Random faultRng, double? faultRate = null)
        : this(card, rows, cols, null, null, CellPrecision.Double, null)
    {
        _response = PulseResponse.Create(card.PulseResponse, CellCount, variationRng);
        SampleDrift(variationRng);
        _faults = new FaultMap(CellCount, faultRng);
        Initialise(faultRate);
    }

    /// <summary>
    /// An array that samples its devices only as far as it is used (see the remarks): the same devices as the stream
    /// constructor given the streams these sources return, in a fraction of the memory when the array is only read.
    /// </summary>
    /// <param name="variationSource">Returns a fresh copy of the array's variation stream, at its start, on every call.</param>
    /// <param name="faultSource">Returns a fresh copy of the array's fault stream, at its start, on every call.</param>
    /// <param name="faultRate">Overrides the card's stuck-at rate.</param>
    /// <param name="precision">How the conductances are kept: single (the default) for an array that is programmed and read.</param>
    /// <param name="place">Where a single-precision array keeps its cells when it shares a buffer with others (its own by default).</param>
    public DeviceArray(DeviceCard card, int rows, int cols, Func<Random> variationSource, Func<Random> faultSource, double? faultRate = null, CellPrecision precision = CellPrecision.Single, BitLinePlace? place = null)
        : this(card, rows, cols, variationSource ?? throw new ArgumentNullException(nameof(variationSource)), faultSource ?? throw new ArgumentNullException(nameof(faultSource)), precision, place)
    {
        if (card.Drift is not null)
        {
            var variation = variationSource();
            _response = PulseResponse.Create(card.PulseResponse, CellCount, variation);
            SampleDrift(variation);
            Initialise(faultRate);
            return;
        }

        // The faults now; the free cells' initial conductance (G_min within each device's bounds, one bounds draw per
        // device) only when something needs it, so a chip that is programmed before it is read draws its devices'
        // bounds once, for the programming, instead of twice.
        SetFaultRate(faultRate ?? Card.Faults.RateFraction);
        _initialPending = true;
    }

    private DeviceArray(DeviceCard card, int rows, int cols, Func<Random>? variationSource, Func<Random>? faultSource, CellPrecision precision, BitLinePlace? place)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        card.Validate();
        card.PulseResponse.Validate();
        Card = card;
        Rows = rows;
        Cols = cols;
        int n = checked(rows * cols);
        if (place is { } shared && (precision != CellPrecision.Single || shared.Lines.Rows != rows || shared.Lines.Cols != cols))
        {
            throw new ArgumentException($"a shared place holds single-precision {shared.Lines.Rows}x{shared.Lines.Cols} arrays, not {precision} {rows}x{cols}", nameof(place));
        }

        _g = place is { } p ? new ConductanceStore(p) : new ConductanceStore(rows, cols, precision);
        _stuck = new StuckKind[n];
        _readScratch = new double[cols];
        _singleScratch = precision == CellPrecision.Single ? new float[rows] : [];
        _rowScratch = new double[rows];
        _columnSums = place is { } q ? new BitLineSums(q) : new BitLineSums(cols);
        SharedPlace = place;
        // Its sums are not taken yet.
        _lines = place?.Lines;
        _lines?.SumsWentStale();
        // Drift state only for a drifting card; otherwise the empty arrays keep writes free of it.
        _driftAgeS = card.Drift is null ? [] : new double[n];
        _driftNu = card.Drift is null ? [] : new double[n];
        var spec = card.PulseResponse;
        _weightPerSiemens = (spec.WMax - spec.WMin) / card.RangeS;
        _scale = new WeightScale(card.GminS, spec.WMin, _weightPerSiemens);
        _writeNoiseStdS = spec.WriteNoiseStd * spec.DwMin / _weightPerSiemens;
        _persistentS = _writeNoiseStdS > 0 ? new ConductanceStore(rows, cols, CellPrecision.Double) : _g;
        _variationSource = variationSource;
        _faultSource = faultSource;
    }

    public DeviceCard Card { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int CellCount => _g.Length;

    /// <summary>The devices' pulse-response model with their sampled parameters (sampled on first use when built from sources).</summary>
    public IPulseResponse Response => _response ??= PulseResponse.Create(Card.PulseResponse, CellCount, _variationSource!());

    /// <summary>Whether the pulse-response parameters are held (always for an array built from streams).</summary>
    public bool ResponseSampled => _response is not null;

    /// <summary>The fault draws (redrawn on first use when built from sources).</summary>
    public FaultMap Faults => _faults ??= new FaultMap(CellCount, _faultSource!());

    public double FaultRate { get; private set; }

    public int StuckCount { get; private set; }

    /// <summary>Whether every write of a free cell draws its write noise (a card with pulse write noise).</summary>
    public bool WriteNoiseDraws => _writeNoiseStdS > 0;

    /// <summary>All conductances, row-major: cell (r, c) at r·Cols + c (a double-precision array only; see <see cref="Precision"/>).</summary>
    public ReadOnlySpan<double> Conductances
    {
        get
        {
            EnsureInitialised();
            return _g.Doubles;
        }
    }

    /// <summary>How the conductances are kept.</summary>
    public CellPrecision Precision => _g.Precision;

    /// <summary>Where the array keeps its cells and bit-line sums in a shared buffer (null: in its own).</summary>
    public BitLinePlace? SharedPlace { get; }

    /// <summary>Bytes per cell of the conductance store (a read-only array also keeps one stuck byte per cell).</summary>
    public int ConductanceBytesPerCell => _g.BytesPerCell;

    /// <summary>What storing <paramref name="conductanceS"/> in a cell keeps (the value rounded to the store's precision).</summary>
    public double Stored(double conductanceS) => _g.Precision == CellPrecision.Single ? (float)conductanceS : conductanceS;

    /// <summary>Conductance of cell <paramref name="cell"/> (row-major index).</summary>
    public double ConductanceAt(int cell)
    {
        EnsureInitialised();
        return _g[cell];
    }

    /// <summary>Σ_j G_ij of every row into <paramref name="sumsS"/> (one entry per row): <see cref="RowSumS"/> of each, in one pass.</summary>
    public void RowSumsS(Span<double> sumsS)
    {
        if (sumsS.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row sums, got {sumsS.Length}", nameof(sumsS));
        }

        EnsureInitialised();
        _g.RowSums(sumsS);
    }

    /// <summary>
    /// Takes the per-bit-line sums (Σ G, Σ G²) that reads keep now instead of on the first read that needs them: the
    /// same sums, e.g. taken by the thread that just programmed the array, while its cells are still in cache.
    /// </summary>
    public void PrecomputeColumnSums()
    {
        EnsureInitialised();
        EnsureColumnSums();
    }

    /// <summary>Σ_c G_rc of row <paramref name="row"/>, summed along the row.</summary>
    public double RowSumS(int row)
    {
        EnsureInitialised();
        return _g.SequentialSum(row * Cols, Cols);
    }

    public int CellIndex(int row, int col) => row * Cols + col;

    public double GetConductance(int row, int col)
    {
        EnsureInitialised();
        return _g[CellIndex(row, col)];
    }

    public StuckKind GetStuckKind(int row, int col) => _stuck[CellIndex(row, col)];

    public bool IsStuck(int row, int col) => _stuck[CellIndex(row, col)] != StuckKind.None;

    public bool IsStuck(int cell) => _stuck[cell] != StuckKind.None;

    /// <summary>Lowest conductance device <paramref name="cell"/> can reach (its sampled b_min).</summary>
    public double MinConductanceS(int cell) => ToConductance(Response.MinBound(cell));

    /// <summary>Highest conductance device <paramref name="cell"/> can reach (its sampled b_max).</summary>
    public double MaxConductanceS(int cell) => ToConductance(Response.MaxBound(cell));

    /// <summary>Persistent device state in the pulse model's weight units (what pulses act on).</summary>
    public double GetDeviceWeight(int row, int col)
    {
        EnsureInitialised();
        return ToDeviceWeight(_persistentS[CellIndex(row, col)]);
    }

    public double ToDeviceWeight(double conductanceS) => _scale.ToDeviceWeight(conductanceS);

    public double ToConductance(double deviceWeight) => _scale.ToConductance(deviceWeight);

    /// <summary>
    /// Re-thresholds the same per-cell draws at a new rate: faults at a lower rate stay a subset of those at a
    /// higher one. Newly stuck cells jump to their stuck value; released cells keep their conductance.
    /// </summary>
    public void SetFaultRate(double rate)
    {
        EnsureInitialised();
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be in [0, 1]");
        }

        FaultRate = rate;
        if (_faults is null)
        {
            StuckCount = RedrawFaults(rate);
            return;
        }

        int count = 0;
        for (int i = 0; i < _g.Length; i++)
        {
            var kind = _faults.KindAt(i, rate, Card.Faults);
            _stuck[i] = kind;
            if (kind != StuckKind.None)
            {
                count++;
                Stick(i, _faults.StuckConductanceS(i, kind, Card.GminS, Card.GmaxS));
            }
        }

        StuckCount = count;
    }

    /// <summary>Sets every programmable cell to <paramref name="conductanceS"/> (clamped to its range), without noise.</summary>
    public void Fill(double conductanceS)
    {
        // Every free cell is written: their initial values are never needed.
        _initialPending = false;
        var ranges = Ranges();
        for (int i = 0; i < _g.Length; i++)
        {
            ranges.Next(out double minBound, out double maxBound);
            if (_stuck[i] == StuckKind.None)
            {
                SetFree(i, conductanceS, ToConductance(minBound), ToConductance(maxBound));
            }
        }
    }

    /// <summary>
    /// Programs every cell, in cell order, with the value <paramref name="writeS"/> gives for its target (which may draw
    /// from <paramref name="rng"/>), then its write noise; stuck cells draw nothing. Returns the cells that moved.
    /// </summary>
    internal int WriteAll<TWrite>(ReadOnlySpan<double> targetsS, Random rng, TWrite writeS)
        where TWrite : struct, ICellWrite
    {
        // Every free cell is written: their initial values are never needed.
        _initialPending = false;
        if (_response is null && DeferredBounds.Applies(Card.PulseResponse))
        {
            return WriteAllDeferred(targetsS, rng, writeS);
        }

        var ranges = Ranges();
        int moved = 0;
        for (int i = 0; i < _g.Length; i++)
        {
            ranges.Next(out double minBound, out double maxBound);
            if (_stuck[i] != StuckKind.None)
            {
                continue;
            }

            SetFree(i, writeS.Value(writeS.Aim(targetsS[i]), writeS.Draws ? StandardNormal.Sample(rng) : 0), ToConductance(minBound), ToConductance(maxBound));
            AddWriteNoise(i, rng);
            moved++;
        }

        return moved;
    }

    // WriteAll with the bounds drawn as they are needed (DeferredBounds) and the programming stream's deviates drawn a
    // run of cells at a time (the same deviates in the same order): the same bits, most cells without the bounds'
    // logarithms and without a virtual call per uniform.
    private int WriteAllDeferred<TWrite>(ReadOnlySpan<double> targetsS, Random rng, TWrite writeS)
        where TWrite : struct, ICellWrite
    {
        const int CellsPerRun = 256;
        var bounds = new DeferredBounds(Card.PulseResponse, _scale, _variationSource!());
        bool writeNoise = WriteNoiseDraws;
        int perCell = (writeS.Draws ? 1 : 0) + (writeNoise ? 1 : 0);
        Span<double> deviates = stackalloc double[CellsPerRun * 2];
        long lastTargetBits = BitConverter.DoubleToInt64Bits(double.NaN);
        double lastAimS = writeS.Aim(double.NaN);
        int moved = 0;
        for (int start = 0; start < _g.Length; start += CellsPerRun)
        {
            int end = Math.Min(_g.Length, start + CellsPerRun);
            int free = _stuck.AsSpan(start, end - start).Count(StuckKind.None);
            var runDeviates = deviates[..(free * perCell)];
            StandardNormal.SampleEach(rng, runDeviates);
            int next = 0;
            for (int i = start; i < end; i++)
            {
                bounds.Next();
                if (_stuck[i] != StuckKind.None)
                {
                    continue;
                }

                // Targets repeat (a differential pair's G_min, a few weight levels): the aim of the last one is kept.
                // Compared bit for bit, so −0 and +0 (or two NaNs) never share an aim.
                double target = targetsS[i];
                long bits = BitConverter.DoubleToInt64Bits(target);
                if (bits != lastTargetBits)
                {
                    lastTargetBits = bits;
                    lastAimS = writeS.Aim(target);
                }

                double deviate = writeS.Draws ? runDeviates[next++] : 0;
                Place(i, bounds.Clamp(writeS.Value(lastAimS, deviate)));
                if (writeNoise)
                {
                    AddWriteNoise(i, runDeviates[next++]);
                }

                moved++;
            }
        }

        return moved;
    }

    /// <summary>One cell read, with the card's read noise when <paramref name="noise"/> is given.</summary>
    public double ReadConductance(int row, int col, Random? noise)
    {
        EnsureInitialised();
        double g = _g[CellIndex(row, col)];
        return noise is null || Card.ReadNoiseStdRelative == 0 ? g : Noisy(g, noise);
    }

    /// <summary>
    /// Column currents I_j = Σ_i V_i·G_ij (amperes) for row voltages V (volts); with <paramref name="noise"/>, plus the
    /// read noise of the column (σ·√(Σ_i V_i²·G_ij²): every driven cell fluctuates independently by σ·V·G, and their sum on the bit line
    /// is Gaussian), one draw per column in column order. Rows at 0 V
    /// are skipped (they draw no current).
    /// </summary>
    public void ReadCurrents(ReadOnlySpan<double> rowVoltagesV, Span<double> columnCurrentsA, Random? noise)
    {
        EnsureInitialised();
        CheckLengths(rowVoltagesV, columnCurrentsA);
        columnCurrentsA.Clear();
        if (!rowVoltagesV.ContainsAnyExcept(0.0))
        {
            return;
        }

        if (_g.Precision == CellPrecision.Single)
        {
            // Single cells sum in single precision, one dot product per bit line, and widen once (0 V rows add 0).
            SingleVoltages.Narrow(rowVoltagesV, _singleScratch);
            _g.ColumnDots(_singleScratch, columnCurrentsA);
        }
        else
        {
            for (int r = 0; r < Rows; r++)
            {
                double v = rowVoltagesV[r];
                if (v != 0)
                {
                    _g.MultiplyAddRow(r * Cols, v, columnCurrentsA);
                }
            }
        }

        if (noise is null || Card.ReadNoiseStdRelative == 0)
        {
            return;
        }

        Span<double> variance = _readScratch;
        variance.Clear();
        AddReadNoiseVariance(rowVoltagesV, variance, 1.0);
        for (int c = 0; c < Cols; c++)
        {
            columnCurrentsA[c] += Math.Sqrt(variance[c]) * StandardNormal.Sample(noise);
        }
    }

    /// <summary>
    /// Adds <paramref name="weight"/>·σ²·Σ_i V_i²·G_ij² to each column's <paramref name="varianceA2"/> (A²): the variance
    /// of the column's read noise (see <see cref="ReadCurrents"/>), for a caller that combines several arrays'
    /// currents and draws the noise of the combination once. From the kept sums when every row is driven at one
    /// magnitude (a bipolar or binary plane), else from the driven rows.
    /// </summary>
    public void AddReadNoiseVariance(ReadOnlySpan<double> rowVoltagesV, Span<double> varianceA2, double weight)
    {
        EnsureInitialised();
        CheckLengths(rowVoltagesV, varianceA2);
        double sigma = Card.ReadNoiseStdRelative;
        double squareV = rowVoltagesV[0] * rowVoltagesV[0];
        bool uniform = squareV != 0;
        for (int r = 1; r < Rows && uniform; r++)
        {
            uniform = rowVoltagesV[r] * rowVoltagesV[r] == squareV;
        }

        if (uniform)
        {
            EnsureColumnSums();
            double scale = DrivenColumn.VarianceFactor(weight, sigma, squareV);
            for (int c = 0; c < Cols; c++)
            {
                varianceA2[c] += scale * _columnSums.SquareSumS2(c);
            }

            return;
        }

        double factor = weight * sigma * sigma;
        if (_g.Precision == CellPrecision.Single)
        {
            // Column by column over the contiguous bit lines: per cell the same product, added in row order.
            var w = _rowScratch.AsSpan();
            for (int r = 0; r < Rows; r++)
            {
                double v = rowVoltagesV[r];
                w[r] = factor * v * v;
            }

            for (int c = 0; c < Cols; c++)
            {
                var column = _g.Column(c);
                double sum = varianceA2[c];
                for (int r = 0; r < column.Length; r++)
                {
                    if (rowVoltagesV[r] != 0)
                    {
                        double g = column[r];
                        sum += w[r] * g * g;
                    }
                }

                varianceA2[c] = sum;
            }

            return;
        }

        for (int r = 0; r < Rows; r++)
        {
            double v = rowVoltagesV[r];
            if (v != 0)
            {
                double w = factor * v * v;
                for (int c = 0, i = r * Cols; c < Cols; c++, i++)
                {
                    double g = _g[i];
                    varianceA2[c] += w * g * g;
                }
            }
        }
    }

    /// <summary>Whether a read with <paramref name="noise"/> carries read noise on this card.</summary>
    public bool IsNoisy(Random? noise) => noise is not null && Card.ReadNoiseStdRelative > 0;

    /// <summary>
    /// Loads the objects a one-column read goes through (this array, its store and its bit-line sums) and returns a
    /// value made from them, so that a caller reading many arrays can take their cache misses together first.
    /// </summary>
    public long TouchColumnRead() => Cols + (long)_g.Length + _columnSums.Cols + (_initialPending ? 1 : 0);

    /// <summary>The current of one column (asynchronous recall reads one neuron's column), with its read noise when given.</summary>
    public double ReadColumn(ReadOnlySpan<double> rowVoltagesV, int col, Random? noise) =>
        ReadColumn(rowVoltagesV, col, noise, out _, out _);

    /// <summary>
    /// One column in one pass: its current (with its read noise when given), its ohmic power Σ V²G and its driven
    /// conductance Σ G over rows with V ≠ 0 — what an asynchronous update needs for data and for energy.
    /// </summary>
    public double ReadColumn(ReadOnlySpan<double> rowVoltagesV, int col, Random? noise, out double powerW, out double drivenS)
    {
        double current = ReadColumn(rowVoltagesV, col, out powerW, out drivenS, out double varianceA2);
        return IsNoisy(noise) ? current + (Math.Sqrt(varianceA2) * StandardNormal.Sample(noise!)) : current;
    }

    /// <summary>
    /// One column in one pass without noise: its current, ohmic power, driven conductance and, in
    /// <paramref name="noiseVarianceA2"/>, the variance of its read noise (σ²·Σ V²G², see <see cref="AddReadNoiseVariance"/>).
    /// </summary>
    public double ReadColumn(ReadOnlySpan<double> rowVoltagesV, int col, out double powerW, out double drivenS, out double noiseVarianceA2)
    {
        EnsureInitialised();
        if (rowVoltagesV.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row voltages, got {rowVoltagesV.Length}", nameof(rowVoltagesV));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Cols);
        double current = 0, power = 0, driven = 0, squares = 0;
        // Down the bit line, row by row: contiguous in a single-precision store, one row apart in a double one.
        var (slot, stride) = _g.ColumnSlots(col);
        for (int r = 0; r < Rows; r++, slot += stride)
        {
            double v = rowVoltagesV[r];
            if (v != 0)
            {
                double g = _g.AtSlot(slot);
                double vg = v * g;
                current += vg;
                power += v * v * g;
                driven += g;
                squares += vg * vg;
            }
        }

        powerW = power;
        drivenS = driven;
        noiseVarianceA2 = Card.ReadNoiseStdRelative * Card.ReadNoiseStdRelative * squares;
        return current;
    }

    /// <summary>
    /// One column of a single-precision array with every word line driven at the same |V| (a binary state): the current
    /// as one dot product over the bit line's contiguous cells (single precision, as a whole-array read sums it),
    /// and the ohmic power V²·Σ G, the driven conductance Σ G and the noise variance σ²·V²·Σ G² from the kept column
    /// sums, in O(1) after the dot product instead of four sums per cell.
    /// </summary>
    /// <param name="rowVoltagesV">The word-line voltages in single precision, each ±√<paramref name="squareV2"/>.</param>
    public double ReadDrivenColumn(ReadOnlySpan<float> rowVoltagesV, double squareV2, int col, out double powerW, out double drivenS, out double noiseVarianceA2)
    {
        EnsureInitialised();
        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Cols);
        EnsureColumnSums();
        return DrivenColumn.Read(_g.Column(col), rowVoltagesV, _columnSums.SumS(col), _columnSums.SquareSumS2(col), squareV2, Card.ReadNoiseStdRelative, out powerW, out drivenS, out noiseVarianceA2);
    }

    /// <summary>Per column, Σ of G over the driven rows (V ≠ 0): the conductance that actually conducts in a read.</summary>
    public void DrivenConductanceSums(ReadOnlySpan<double> rowVoltagesV, Span<double> perColumnS)
    {
        EnsureInitialised();
        CheckLengths(rowVoltagesV, perColumnS);
        if (!rowVoltagesV.Contains(0.0))
        {
            EnsureColumnSums();
            for (int c = 0; c < Cols; c++)
            {
                perColumnS[c] = _columnSums.SumS(c);
            }

            return;
        }

        perColumnS.Clear();
        if (_g.Precision == CellPrecision.Single)
        {
            _g.AddColumnSums(rowVoltagesV, perColumnS, []);
            return;
        }

        for (int r = 0; r < Rows; r++)
        {
            if (rowVoltagesV[r] != 0)
            {
                _g.AddRow(r * Cols, perColumnS);
            }
        }
    }

    /// <summary>Σ_ij V_i²·G_ij (watts): the array's ohmic power while the rows are driven; times the read time gives energy.</summary>
    public double ReadPowerW(ReadOnlySpan<double> rowVoltagesV)
    {
        EnsureInitialised();
        if (rowVoltagesV.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row voltages, got {rowVoltagesV.Length}", nameof(rowVoltagesV));
        }

        double power = 0;
        for (int r = 0; r < Rows; r++)
        {
            double v = rowVoltagesV[r];
            if (v != 0)
            {
                power += v * v * _g.Sum(r * Cols, Cols);
            }
        }

        return power;
    }

    /// <summary>Power of a single-column read: Σ_i V_i²·G_ij for column <paramref name="col"/>.</summary>
    public double ReadColumnPowerW(ReadOnlySpan<double> rowVoltagesV, int col)
    {
        EnsureInitialised();
        double power = 0;
        for (int r = 0, i = col; r < Rows; r++, i += Cols)
        {
            double v = rowVoltagesV[r];
            power += v * v * _g[i];
        }

        return power;
    }

    /// <summary>Number of cells at or above <paramref name="thresholdS"/> ("on" cells).</summary>
    public int CountOnCells(double thresholdS)
    {
        EnsureInitialised();
        int count = 0;
        for (int i = 0; i < _g.Length; i++)
        {
            if (_g[i] >= thresholdS)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Applies <paramref name="count"/> successive pulses to a cell through its pulse-response model.
    /// Returns false (and leaves the cell alone) when the cell is stuck.
    /// </summary>
    public bool ApplyPulses(int row, int col, PulseDirection direction, int count, Random rng) =>
        ApplyPulses(CellIndex(row, col), direction, count, rng);

    internal bool ApplyPulses(int cell, PulseDirection direction, int count, Random rng)
    {
        EnsureInitialised();
        if (_stuck[cell] != StuckKind.None)
        {
            return false;
        }

        double w = ToDeviceWeight(_persistentS[cell]);
        for (int k = 0; k < count; k++)
        {
            w = Response.Apply(cell, w, direction, rng);
        }

        WriteFree(cell, ToConductance(w), rng);
        return true;
    }

    /// <summary>
    /// Power-law drift over <paramref name="elapsedS"/> more seconds: G = G_p·((t + t0)/t0)^(−ν), with t the
    /// time since the cell was last written, applied as the factor from the old age to the new one (so repeated
    /// calls compose). No-op for a card without drift; stuck cells do not drift.
    /// </summary>
    public void ApplyDrift(double elapsedS)
    {
        EnsureInitialised();
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedS);
        if (Card.Drift is not { } drift)
        {
            return;
        }

        SumsStale();
        for (int i = 0; i < _g.Length; i++)
        {
            if (_stuck[i] != StuckKind.None)
            {
                continue;
            }

            double age = _driftAgeS[i];
            double factor = Math.Pow((age + elapsedS + drift.T0S) / (age + drift.T0S), -_driftNu[i]);
            _driftAgeS[i] = age + elapsedS;
            _persistentS[i] = Math.Clamp(_persistentS[i] * factor, MinConductanceS(i), MaxConductanceS(i));
            if (!ReferenceEquals(_persistentS, _g))
            {
                _g[i] = Math.Max(_g[i] * factor, 0.0);
            }
        }
    }

    /// <summary>Sampled drift exponent ν of a cell (0 without drift).</summary>
    public double DriftNu(int row, int col) => _driftNu.Length == 0 ? 0 : _driftNu[CellIndex(row, col)];

    /// <summary>
    /// Writes a programmable cell (clamped to its own range), restarts its drift clock and re-draws its write
    /// noise: the read value is the persistent value plus write_noise_std·dw_min·ξ (in conductance, at least 0).
    /// </summary>
    internal void WriteFree(int cell, double conductanceS, Random rng)
    {
        EnsureInitialised();
        SetFree(cell, conductanceS, MinConductanceS(cell), MaxConductanceS(cell));
        AddWriteNoise(cell, rng);
    }

    private void AddWriteNoise(int cell, Random rng)
    {
        if (_writeNoiseStdS > 0)
        {
            AddWriteNoise(cell, StandardNormal.Sample(rng));
        }
    }

    // The read value is the persistent value plus write_noise_std·dw_min·ξ, at least 0.
    private void AddWriteNoise(int cell, double deviate)
    {
        SumsStale();
        _g[cell] = Math.Max(_persistentS[cell] + (_writeNoiseStdS * deviate), 0.0);
    }

    private void SetFree(int cell, double conductanceS, double lo, double hi) =>
        Place(cell, Math.Min(Math.Max(conductanceS, lo), hi));

    // A programmable cell at g, already within its range.
    private void Place(int cell, double g)
    {
        SumsStale();
        _persistentS[cell] = g;
        _g[cell] = g;
        RestartDrift(cell);
    }

    private void Stick(int cell, double conductanceS)
    {
        SumsStale();
        _g[cell] = conductanceS;
        _persistentS[cell] = conductanceS;
        RestartDrift(cell);
    }

    private void RestartDrift(int cell)
    {
        if (_driftAgeS.Length != 0)
        {
            _driftAgeS[cell] = 0;
        }
    }

    private void SampleDrift(Random variation)
    {
        if (Card.Drift is { } drift)
        {
            for (int i = 0; i < _driftNu.Length; i++)
            {
                _driftNu[i] = Math.Abs(drift.Nu + drift.NuDtod * StandardNormal.Sample(variation));
            }
        }
    }

    /// <summary>Every cell at its lowest conductance, then the faults at <paramref name="faultRate"/> (or the card's).</summary>
    private void Initialise(double? faultRate)
    {
        var ranges = Ranges();
        for (int i = 0; i < _g.Length; i++)
        {
            ranges.Next(out double minBound, out double maxBound);
            SetFree(i, Card.GminS, ToConductance(minBound), ToConductance(maxBound));
        }

        SetFaultRate(faultRate ?? Card.Faults.RateFraction);
    }

    /// <summary>Writes the free cells' initial conductance if no whole-array write has replaced it yet.</summary>
    private void EnsureInitialised()
    {
        if (_initialPending)
        {
            // The initial state is every free cell at G_min within its own bounds: a fill (which clears the flag).
            Fill(Card.GminS);
        }
    }

    private DeviceRangeCursor Ranges() => _response is { } response
        ? DeviceRangeCursor.Over(response)
        : DeviceRangeCursor.Drawing(Card.PulseResponse, _variationSource!());

    /// <summary>
    /// <see cref="SetFaultRate"/> without a kept map: the same three passes as <see cref="FaultMap"/>'s draws (all
    /// cells' u, then their kind draws, then their value draws), each draw used as it comes. Passes that cannot
    /// change the result are skipped: nothing else ever draws from the array's fault stream.
    /// </summary>
    private int RedrawFaults(double rate)
    {
        var split = Card.Faults;
        var faults = rate > 0 ? _faultSource!() : null;
        int count = 0;
        if (faults is not null)
        {
            // The u draws in runs of exactly the cells left, so the kind draws below start where they should.
            Span<double> draws = stackalloc double[256];
            for (int start = 0; start < _stuck.Length; start += draws.Length)
            {
                var run = draws[..Math.Min(draws.Length, _stuck.Length - start)];
                StandardNormal.Uniforms(faults, run);
                for (int k = 0; k < run.Length; k++)
                {
                    bool stuck = FaultMap.IsStuckAt(run[k], rate);
                    _stuck[start + k] = stuck ? StuckKind.AtGmin : StuckKind.None;
                    count += stuck ? 1 : 0;
                }
            }
        }
        else
        {
            _stuck.AsSpan().Clear();
        }

        if (count == 0)
        {
            return 0;
        }

        // A kind draw is below 1, so an all-Gmin split never needs the kind (or value) draws.
        bool random = false;
        if (split.AtGminFraction < 1)
        {
            for (int i = 0; i < _stuck.Length; i++)
            {
                double draw = faults!.NextDouble();
                if (_stuck[i] != StuckKind.None)
                {
                    _stuck[i] = FaultMap.KindOf(draw, split);
                    random |= _stuck[i] == StuckKind.AtRandom;
                }
            }
        }

        for (int i = 0; i < _stuck.Length; i++)
        {
            double valueDraw = random ? faults!.NextDouble() : 0;
            if (_stuck[i] != StuckKind.None)
            {
                Stick(i, FaultMap.StuckConductanceOf(_stuck[i], valueDraw, Card.GminS, Card.GmaxS));
            }
        }

        return count;
    }

    private void EnsureColumnSums()
    {
        if (_columnSumsValid)
        {
            return;
        }

        var scratch = ArrayPool<double>.Shared.Rent(2 * Cols);
        var sums = scratch.AsSpan(0, Cols);
        var squares = scratch.AsSpan(Cols, Cols);
        sums.Clear();
        squares.Clear();
        if (_g.Precision == CellPrecision.Single)
        {
            _g.AddColumnSums([], sums, squares);
        }
        else
        {
            for (int r = 0; r < Rows; r++)
            {
                _g.AddRow(r * Cols, sums);
                _g.AddRowSquares(r * Cols, squares);
            }
        }

        _columnSums.Set(sums, squares);
        ArrayPool<double>.Shared.Return(scratch);
        _columnSumsValid = true;
        _lines?.SumsTaken();
    }

    // The bit-line sums no longer match the cells. A shared buffer counts its arrays in that state, so that a reader of
    // its bit lines can tell from it alone whether their sums hold (InterleavedBitLines.SumsCurrent).
    private void SumsStale()
    {
        if (_columnSumsValid)
        {
            _columnSumsValid = false;
            _lines?.SumsWentStale();
        }
    }

    private double Noisy(double g, Random noise) =>
        Math.Max(g * (1.0 + Card.ReadNoiseStdRelative * StandardNormal.Sample(noise)), 0.0);

    private void CheckLengths(ReadOnlySpan<double> rowVoltagesV, Span<double> perColumn)
    {
        if (rowVoltagesV.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row voltages, got {rowVoltagesV.Length}", nameof(rowVoltagesV));
        }

        if (perColumn.Length != Cols)
        {
            throw new ArgumentException($"expected {Cols} column outputs, got {perColumn.Length}", nameof(perColumn));
        }
    }
}
