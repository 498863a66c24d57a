using System.Numerics.Tensors;

namespace Engram.Models.Devices;

/// <summary>
/// A rows × cols crossbar of one device card: per-cell conductances (siemens, row-major), per-cell sampled
/// pulse-response parameters, a nested stuck-at fault map, and optional drift state. Rows are driven with
/// voltages, columns collect currents: I_j = Σ_i V_i·G_ij. Randomness always comes from the caller.
/// </summary>
/// <remarks>
/// A device's pulse-response state w (aihwkit units) maps linearly onto conductance through the card's
/// mean bounds: G = Gmin + (w − w_min)/(w_max − w_min)·(Gmax − Gmin). Sampled per-device bounds therefore
/// give each device its own conductance range [<see cref="MinConductanceS"/>, <see cref="MaxConductanceS"/>].
/// </remarks>
public sealed class DeviceArray
{
    private readonly double[] _g;
    private readonly StuckKind[] _stuck;
    private readonly double[] _readScratch;

    // Write noise (aihwkit write_noise_std): pulses act on a hidden persistent state; reads see it plus noise
    // re-drawn whenever the cell is written. Same array as _g when the card has no write noise.
    private readonly double[] _persistentS;
    private readonly double _writeNoiseStdS;
    private readonly double[] _driftAgeS;
    private readonly double[] _driftNu;
    private readonly double _weightPerSiemens;

    /// <param name="variationRng">Stream for the device-to-device parameters (and drift exponents).</param>
    /// <param name="faultRng">Stream for the fault map; kept apart so fault maps do not move when variation changes.</param>
    /// <param name="faultRate">Overrides the card's stuck-at rate (e.g. for a sweep over p with nested maps).</param>
    public DeviceArray(DeviceCard card, int rows, int cols, Random variationRng, Random faultRng, double? faultRate = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        card.Validate();
        Card = card;
        Rows = rows;
        Cols = cols;
        int n = rows * cols;
        _g = new double[n];
        _stuck = new StuckKind[n];
        _readScratch = new double[cols];
        // Drift state only for a drifting card; otherwise the empty arrays keep writes free of it.
        _driftAgeS = card.Drift is null ? [] : new double[n];
        _driftNu = card.Drift is null ? [] : new double[n];
        var spec = card.PulseResponse;
        _weightPerSiemens = (spec.WMax - spec.WMin) / card.RangeS;
        _writeNoiseStdS = spec.WriteNoiseStd * spec.DwMin / _weightPerSiemens;
        _persistentS = _writeNoiseStdS > 0 ? new double[n] : _g;
        Response = PulseResponse.Create(spec, n, variationRng);
        if (card.Drift is { } drift)
        {
            for (int i = 0; i < n; i++)
            {
                _driftNu[i] = Math.Abs(drift.Nu + drift.NuDtod * StandardNormal.Sample(variationRng));
            }
        }

        Faults = new FaultMap(n, faultRng);
        for (int i = 0; i < n; i++)
        {
            SetFree(i, card.GminS);
        }

        SetFaultRate(faultRate ?? card.Faults.RateFraction);
    }

    public DeviceCard Card { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int CellCount => _g.Length;

    public IPulseResponse Response { get; }

    public FaultMap Faults { get; }

    public double FaultRate { get; private set; }

    public int StuckCount { get; private set; }

    /// <summary>All conductances, row-major: cell (r, c) at r·Cols + c.</summary>
    public ReadOnlySpan<double> Conductances => _g;

    public int CellIndex(int row, int col) => row * Cols + col;

    public double GetConductance(int row, int col) => _g[CellIndex(row, col)];

    public StuckKind GetStuckKind(int row, int col) => _stuck[CellIndex(row, col)];

    public bool IsStuck(int row, int col) => _stuck[CellIndex(row, col)] != StuckKind.None;

    public bool IsStuck(int cell) => _stuck[cell] != StuckKind.None;

    /// <summary>Lowest conductance device <paramref name="cell"/> can reach (its sampled b_min).</summary>
    public double MinConductanceS(int cell) => ToConductance(Response.MinBound(cell));

    /// <summary>Highest conductance device <paramref name="cell"/> can reach (its sampled b_max).</summary>
    public double MaxConductanceS(int cell) => ToConductance(Response.MaxBound(cell));

    /// <summary>Persistent device state in the pulse model's weight units (what pulses act on).</summary>
    public double GetDeviceWeight(int row, int col) => ToDeviceWeight(_persistentS[CellIndex(row, col)]);

    public double ToDeviceWeight(double conductanceS) =>
        Card.PulseResponse.WMin + (conductanceS - Card.GminS) * _weightPerSiemens;

    public double ToConductance(double deviceWeight) =>
        Card.GminS + (deviceWeight - Card.PulseResponse.WMin) / _weightPerSiemens;

    /// <summary>
    /// Re-thresholds the same per-cell draws at a new rate: faults at a lower rate stay a subset of those at a
    /// higher one. Newly stuck cells jump to their stuck value; released cells keep their conductance.
    /// </summary>
    public void SetFaultRate(double rate)
    {
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be in [0, 1]");
        }

        FaultRate = rate;
        int count = 0;
        for (int i = 0; i < _g.Length; i++)
        {
            var kind = Faults.KindAt(i, rate, Card.Faults);
            _stuck[i] = kind;
            if (kind != StuckKind.None)
            {
                count++;
                double g = Faults.StuckConductanceS(i, kind, Card.GminS, Card.GmaxS);
                _g[i] = g;
                _persistentS[i] = g;
                RestartDrift(i);
            }
        }

        StuckCount = count;
    }

    /// <summary>Sets every programmable cell to <paramref name="conductanceS"/> (clamped to its range), without noise.</summary>
    public void Fill(double conductanceS)
    {
        for (int i = 0; i < _g.Length; i++)
        {
            if (_stuck[i] == StuckKind.None)
            {
                SetFree(i, conductanceS);
            }
        }
    }

    /// <summary>One cell read, with the card's read noise when <paramref name="noise"/> is given.</summary>
    public double ReadConductance(int row, int col, Random? noise)
    {
        double g = _g[CellIndex(row, col)];
        return noise is null || Card.ReadNoiseStdRelative == 0 ? g : Noisy(g, noise);
    }

    /// <summary>
    /// Column currents I_j = Σ_i V_i·G_ij (amperes) for row voltages V (volts), each cell read with fresh read
    /// noise when <paramref name="noise"/> is given. Rows at 0 V are skipped (they draw no current).
    /// </summary>
    public void ReadCurrents(ReadOnlySpan<double> rowVoltagesV, Span<double> columnCurrentsA, Random? noise)
    {
        CheckLengths(rowVoltagesV, columnCurrentsA);
        columnCurrentsA.Clear();
        bool noisy = noise is not null && Card.ReadNoiseStdRelative > 0;
        for (int r = 0; r < Rows; r++)
        {
            double v = rowVoltagesV[r];
            if (v == 0)
            {
                continue;
            }

            ReadOnlySpan<double> row = _g.AsSpan(r * Cols, Cols);
            if (noisy)
            {
                for (int c = 0; c < Cols; c++)
                {
                    _readScratch[c] = Noisy(row[c], noise!);
                }

                row = _readScratch;
            }

            TensorPrimitives.MultiplyAdd(row, v, columnCurrentsA, columnCurrentsA);
        }
    }

    /// <summary>The current of one column (asynchronous recall reads one neuron's column).</summary>
    public double ReadColumn(ReadOnlySpan<double> rowVoltagesV, int col, Random? noise)
    {
        if (rowVoltagesV.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row voltages, got {rowVoltagesV.Length}", nameof(rowVoltagesV));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Cols);
        bool noisy = noise is not null && Card.ReadNoiseStdRelative > 0;
        double current = 0;
        for (int r = 0, i = col; r < Rows; r++, i += Cols)
        {
            double v = rowVoltagesV[r];
            if (v != 0)
            {
                current += v * (noisy ? Noisy(_g[i], noise!) : _g[i]);
            }
        }

        return current;
    }

    /// <summary>
    /// One column in one pass: its current (with read noise when given), its ohmic power Σ V²G and its driven
    /// conductance Σ G over rows with V ≠ 0 — what an asynchronous update needs for data and for energy.
    /// </summary>
    public double ReadColumn(ReadOnlySpan<double> rowVoltagesV, int col, Random? noise, out double powerW, out double drivenS)
    {
        if (rowVoltagesV.Length != Rows)
        {
            throw new ArgumentException($"expected {Rows} row voltages, got {rowVoltagesV.Length}", nameof(rowVoltagesV));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, Cols);
        bool noisy = noise is not null && Card.ReadNoiseStdRelative > 0;
        double current = 0, power = 0, driven = 0;
        for (int r = 0, i = col; r < Rows; r++, i += Cols)
        {
            double v = rowVoltagesV[r];
            if (v != 0)
            {
                double g = _g[i];
                current += v * (noisy ? Noisy(g, noise!) : g);
                power += v * v * g;
                driven += g;
            }
        }

        powerW = power;
        drivenS = driven;
        return current;
    }

    /// <summary>Per column, Σ of G over the driven rows (V ≠ 0): the conductance that actually conducts in a read.</summary>
    public void DrivenConductanceSums(ReadOnlySpan<double> rowVoltagesV, Span<double> perColumnS)
    {
        CheckLengths(rowVoltagesV, perColumnS);
        perColumnS.Clear();
        for (int r = 0; r < Rows; r++)
        {
            if (rowVoltagesV[r] != 0)
            {
                TensorPrimitives.Add(_g.AsSpan(r * Cols, Cols), perColumnS, perColumnS);
            }
        }
    }

    /// <summary>Σ_ij V_i²·G_ij (watts): the array's ohmic power while the rows are driven; times the read time gives energy.</summary>
    public double ReadPowerW(ReadOnlySpan<double> rowVoltagesV)
    {
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
                power += v * v * TensorPrimitives.Sum(_g.AsSpan(r * Cols, Cols));
            }
        }

        return power;
    }

    /// <summary>Power of a single-column read: Σ_i V_i²·G_ij for column <paramref name="col"/>.</summary>
    public double ReadColumnPowerW(ReadOnlySpan<double> rowVoltagesV, int col)
    {
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
        int count = 0;
        foreach (double g in _g)
        {
            if (g >= thresholdS)
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
        ArgumentOutOfRangeException.ThrowIfNegative(elapsedS);
        if (Card.Drift is not { } drift)
        {
            return;
        }

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
        SetFree(cell, conductanceS);
        if (_writeNoiseStdS > 0)
        {
            _g[cell] = Math.Max(_persistentS[cell] + _writeNoiseStdS * StandardNormal.Sample(rng), 0.0);
        }
    }

    private void SetFree(int cell, double conductanceS)
    {
        double lo = MinConductanceS(cell);
        double hi = MaxConductanceS(cell);
        double g = Math.Min(Math.Max(conductanceS, lo), hi);
        _persistentS[cell] = g;
        _g[cell] = g;
        RestartDrift(cell);
    }

    private void RestartDrift(int cell)
    {
        if (_driftAgeS.Length != 0)
        {
            _driftAgeS[cell] = 0;
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
