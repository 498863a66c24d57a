using System.Numerics;
using System.Numerics.Tensors;
using Engram.Components.Blocks.Adc;
using Engram.Models.Costs;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Training;

/// <summary>
/// The training actions of one <see cref="AnalogTile"/>, each a kernel wait sequence that computes its data and
/// charges the ledger under the tile's blocks (<c>T&lt;l&gt;/&lt;array&gt;/&lt;kind&gt;</c>):
/// forward and transposed reads (inputs scaled by their max|·|, bit-serial planes, out-noise, converter codes,
/// shift-add, adder trees across row blocks), the parallel stochastic pulse update, and deterministic row writes.
/// </summary>
public sealed class TileActions
{
    private readonly TrainingBlocks _b;
    private readonly Random? _readNoise;
    private readonly Random _outNoise;
    private readonly double[] _scaledRows, _scaledCols, _levelsRows, _levelsCols, _rawRows, _rawCols, _drivenRows, _drivenCols;
    private readonly int _crossbar, _rowDriver, _columnDriver, _adc, _backwardAdc, _shiftAdd, _tree, _backwardTree, _generator;

    public TileActions(AnalogTile tile, TrainingBlocks blocks, string path, Random? readNoise, Random outNoise)
    {
        Tile = tile;
        _b = blocks;
        _readNoise = readNoise;
        _outNoise = outNoise;
        int rows = tile.Rows, cols = tile.Cols;
        _scaledRows = new double[rows];
        _levelsRows = new double[rows];
        _rawRows = new double[rows];
        _drivenRows = new double[rows];
        _scaledCols = new double[cols];
        _levelsCols = new double[cols];
        _rawCols = new double[cols];
        _drivenCols = new double[cols];
        var ledger = blocks.Ledger;
        Path = path;
        _crossbar = ledger.Component($"{path}/{BlockKinds.Crossbar}");
        _rowDriver = ledger.Component($"{path}/{BlockKinds.RowDriver}");
        _columnDriver = ledger.Component($"{path}/{BlockKinds.ColumnDriver}");
        _adc = ledger.Component($"{path}/{BlockKinds.Adc}");
        _backwardAdc = ledger.Component($"{path}/backward/{BlockKinds.Adc}");
        _shiftAdd = ledger.Component($"{path}/{BlockKinds.ShiftAdd}");
        _tree = ledger.Component($"{path}/{BlockKinds.AdderTree}");
        _backwardTree = ledger.Component($"{path}/backward/{BlockKinds.AdderTree}");
        _generator = ledger.Component($"{path}/{BlockKinds.PulseGenerator}");
        RowBlocks = Ceil(rows, blocks.ArrayRows);
        ColBlocks = Ceil(cols, blocks.ArrayCols);
    }

    public AnalogTile Tile { get; }

    public string Path { get; }

    public int RowBlocks { get; }

    public int ColBlocks { get; }

    /// <summary>Pulses of the last update or write.</summary>
    public long LastPulses { get; private set; }

    /// <summary>
    /// y = W·x through the periphery (x per row, the bias row included; y per column). Inputs are divided by max|x|
    /// before the DAC and the result multiplied back (aihwkit's abs-max noise management).
    /// </summary>
    public IEnumerable<Wait> Forward(double[] x, double[] y) => Read(backward: false, x, y, Tile.Cols, _b.CodeStep);

    /// <summary>z = Wᵀ·d on the same devices: d driven on the columns, the first <paramref name="converted"/> rows converted.</summary>
    public IEnumerable<Wait> Backward(double[] d, double[] z, int converted) => Read(backward: true, d, z, converted, _b.CodeStep);

    /// <summary>The one-hot transfer read of input line <paramref name="row"/>: v_c = w_row,c, at the transfer read's converter range.</summary>
    public IEnumerable<Wait> TransferRead(int row, double[] oneHot, double[] v)
    {
        Array.Clear(oneHot);
        oneHot[row] = 1;
        return Read(backward: false, oneHot, v, Tile.Cols, _b.TransferCodeStep);
    }

    /// <summary>
    /// Zero-shifting (IBM's procedure): <paramref name="pairs"/> alternating up/down pulses on every device, which
    /// settle each device at its own symmetry point; the caller then copies the array into its reference. Every
    /// pulse drives all rows and columns at once.
    /// </summary>
    public IEnumerable<Wait> ZeroShift(int pairs, Random rng)
    {
        var devices = Tile.Devices;
        for (int k = 0; k < pairs; k++)
        {
            for (int i = 0; i < devices.CellCount; i++)
            {
                devices.ApplyPulses(i / devices.Cols, i % devices.Cols, PulseDirection.Up, 1, rng);
                devices.ApplyPulses(i / devices.Cols, i % devices.Cols, PulseDirection.Down, 1, rng);
            }
        }

        long pulses = 2L * pairs;
        LastPulses = pulses * devices.CellCount;
        if (pairs == 0)
        {
            yield break;
        }

        var ledger = _b.Ledger;
        var ids = _b.Actions;
        long now = _b.Sim.Now;
        long durationPs = pulses * _b.PulseWidthPs;
        ledger.Charge(_rowDriver, ids.DriveRow, pulses * Tile.Rows, pulses * Tile.Rows * _b.Chip.Drivers.ActiveJ, now, durationPs);
        ledger.Charge(_columnDriver, ids.DriveColumn, pulses * Tile.Cols, pulses * Tile.Cols * _b.ColumnDrivers.ActiveJ, now, durationPs);
        ledger.Charge(_crossbar, ids.Pulse, LastPulses, _b.PulseEnergyJ(_b.WriteVoltageV, Tile.MeanConductanceS() * devices.CellCount, pulses), now, durationPs);
        yield return _b.Sim.Timeout(durationPs);
    }

    /// <summary>
    /// The fully parallel stochastic rank-1 update Δw_rc ≈ −lr·x_r·d_c (Gokmen &amp; Vlasov 2016; aihwkit's
    /// StochasticCompressed trains): pulse generators on every line, coincidences through the device model.
    /// Charges the generators per line and slot, the drivers per fired slot, each coincidence V²·G·t at its cell
    /// and the half-selected cells (V/2)²·Ḡ·t; lasts BL pulse widths.
    /// </summary>
    public IEnumerable<Wait> PulseUpdate(StochasticPulseUpdater updater, double[] x, double[] d, double lr, Random rng, WriteVerifyTally? tally)
    {
        var result = updater.Update(Tile.Devices, x, d, lr, rng);
        LastPulses = result.TotalPulses;
        if (result.BitLength == 0)
        {
            yield break;
        }

        int bl = result.BitLength, rows = Tile.Rows, cols = Tile.Cols;
        var counts = updater.PulseCounts;
        var g = Tile.Devices.Conductances;
        double coincidence = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                coincidence += counts[i] * g[i];
            }
        }

        // Half-selected cells see half the write voltage on their fired row or column only.
        long halfSelected = 0;
        var rowTrains = updater.RowTrains;
        var colTrains = updater.ColumnTrains;
        for (int t = 1; t <= bl; t++)
        {
            uint bit = 1u << t;
            long firedRows = 0, firedCols = 0;
            foreach (uint train in rowTrains)
            {
                firedRows += (train & bit) != 0 ? 1 : 0;
            }

            foreach (uint train in colTrains)
            {
                firedCols += (train & bit) != 0 ? 1 : 0;
            }

            halfSelected += (firedRows * cols) + (firedCols * rows) - (2 * firedRows * firedCols);
        }

        var ledger = _b.Ledger;
        var ids = _b.Actions;
        long now = _b.Sim.Now;
        long durationPs = bl * _b.PulseWidthPs;
        double v = _b.WriteVoltageV;
        ledger.Charge(_generator, ids.Generate, (long)(rows + cols) * bl, (rows + cols) * bl * _b.Generator.EnergyPerSlotJ, now, durationPs);
        ledger.Charge(_rowDriver, ids.DriveRow, result.RowTrainBits, result.RowTrainBits * _b.Chip.Drivers.ActiveJ, now, durationPs);
        ledger.Charge(_columnDriver, ids.DriveColumn, result.ColumnTrainBits, result.ColumnTrainBits * _b.ColumnDrivers.ActiveJ, now, durationPs);
        double cellsJ = _b.PulseEnergyJ(v, coincidence, 1) + _b.PulseEnergyJ(v / 2, Tile.MeanConductanceS(), halfSelected);
        ledger.Charge(_crossbar, ids.Pulse, result.TotalPulses, cellsJ, now, durationPs);
        tally?.AddRowByRow(counts, rows, cols, g, _b);
        yield return _b.Sim.Timeout(durationPs);
    }

    /// <summary>
    /// Writes row <paramref name="row"/> with a signed pulse count per column (TTv2's thresholded transfer): the row
    /// is driven for max|n| slots, each column for its |n|; charged like <see cref="PulseUpdate"/>.
    /// </summary>
    public IEnumerable<Wait> WriteRow(int row, int[] counts, Random rng)
    {
        int slots = 0;
        long pulses = 0;
        double coincidence = 0;
        var devices = Tile.Devices;
        for (int c = 0; c < counts.Length; c++)
        {
            int n = counts[c];
            if (n == 0)
            {
                continue;
            }

            // Positive counts raise the weight: up pulses.
            devices.ApplyPulses(row, c, n > 0 ? PulseDirection.Up : PulseDirection.Down, Math.Abs(n), rng);
            slots = Math.Max(slots, Math.Abs(n));
            pulses += Math.Abs(n);
            coincidence += Math.Abs(n) * devices.GetConductance(row, c);
        }

        LastPulses = pulses;
        if (slots == 0)
        {
            yield break;
        }

        var ledger = _b.Ledger;
        var ids = _b.Actions;
        long now = _b.Sim.Now;
        long durationPs = slots * _b.PulseWidthPs;
        double v = _b.WriteVoltageV;

        // Half-selected: the other cells of the row while it is driven, and the other rows of each pulsed column.
        long halfSelected = ((long)slots * Tile.Cols) - pulses + (pulses * (Tile.Rows - 1));
        ledger.Charge(_rowDriver, ids.DriveRow, slots, slots * _b.Chip.Drivers.ActiveJ, now, durationPs);
        ledger.Charge(_columnDriver, ids.DriveColumn, pulses, pulses * _b.ColumnDrivers.ActiveJ, now, durationPs);
        ledger.Charge(_crossbar, ids.Pulse, pulses, _b.PulseEnergyJ(v, coincidence, 1) + _b.PulseEnergyJ(v / 2, Tile.MeanConductanceS(), halfSelected), now, durationPs);
        yield return _b.Sim.Timeout(durationPs);
    }

    private IEnumerable<Wait> Read(bool backward, double[] input, double[] output, int converted, double step)
    {
        Array.Clear(output);
        double scale = Math.Abs(TensorPrimitives.MaxMagnitude(input));
        if (scale == 0 || converted == 0)
        {
            yield break;
        }

        var scaled = backward ? _scaledCols : _scaledRows;
        var levels = backward ? _levelsCols : _levelsRows;
        var raw = backward ? _rawRows : _rawCols;
        var driven = backward ? _drivenRows : _drivenCols;
        TensorPrimitives.Multiply(input, 1.0 / scale, scaled);
        var driver = _b.Driver;
        var adc = _b.Chip.Adcs;
        double outNoise = _b.Training.OutNoise;
        int lines = input.Length;
        long active = 0;
        double levelSquaredS = 0, conversionJ = 0;
        for (int p = 0; p < driver.Planes; p++)
        {
            driver.Encode(scaled, p, levels);
            var figures = backward ? Tile.Backward(levels, raw, driven, _readNoise) : Tile.Forward(levels, raw, driven, _readNoise);
            levelSquaredS += figures.LevelSquaredConductanceS;
            double weight = driver.PlaneWeight(p);
            for (int i = 0; i < lines; i++)
            {
                active += levels[i] != 0 ? 1 : 0;
            }

            for (int o = 0; o < converted; o++)
            {
                double value = raw[o] + (outNoise > 0 ? outNoise * StandardNormal.Sample(_outNoise) : 0);
                int code = MidriseQuantizer.Quantize(value, step, _b.AdcBits);
                output[o] += weight * code * step;
                conversionJ += adc.ConversionEnergyJ(driven[o]);
            }
        }

        TensorPrimitives.Multiply(output, scale, output);

        // Each array block converts its own partial sums: per plane one read pulse, then its converters in waves.
        int planes = driver.Planes;
        int blocksAlong = backward ? ColBlocks : RowBlocks;
        int arraySide = backward ? _b.ArrayRows : _b.ArrayCols;
        int perArray = Math.Max(1, arraySide / _b.ColumnsPerAdc);
        long waves = Ceil(Math.Min(converted, arraySide), perArray);
        conversionJ += (blocksAlong - 1) * (double)planes * converted * adc.ConversionEnergyJ(0);
        long readPs = _b.Chip.Cells.ReadPs;
        long planePs = readPs + (waves * _b.ConvertPs);
        long durationPs = planes * planePs;
        var ledger = _b.Ledger;
        var ids = _b.Actions;
        long now = _b.Sim.Now;
        long drives = (long)planes * lines;
        if (backward)
        {
            ledger.Charge(_columnDriver, ids.DriveColumn, drives, _b.ColumnDrivers.EnergyJ(drives, active), now, planes * readPs);
        }
        else
        {
            ledger.Charge(_rowDriver, ids.DriveRow, drives, _b.Chip.Drivers.EnergyJ(drives, active), now, planes * readPs);
        }

        var cells = _b.Chip.Cells;
        long conducting = active * (backward ? Tile.Rows : Tile.Cols);
        if (!cells.CurrentInConverter || cells.FixedEnergyPerCellJ is not null)
        {
            double power = _b.ReadVoltageV * _b.ReadVoltageV * levelSquaredS;
            ledger.Charge(_crossbar, ids.Read, conducting, cells.EnergyJ(power, conducting), now, planes * readPs);
        }

        long conversions = (long)planes * converted * blocksAlong;
        ledger.Charge(backward ? _backwardAdc : _adc, ids.Convert, conversions, conversionJ, now + readPs, planes * waves * _b.ConvertPs);
        if (planes > 1)
        {
            ledger.Charge(_shiftAdd, ids.ShiftAdd, conversions, conversions * _b.Chip.ShiftAdd.EnergyJ, now + readPs, planes * waves * _b.ConvertPs);
        }

        // Partial sums of the array blocks along the driven side meet in adder trees.
        if (blocksAlong > 1)
        {
            var tree = _b.Chip.Tree(blocksAlong);
            long reductions = (long)planes * converted;
            long treePs = tree.Action.Cycles * tree.PeriodPs;
            ledger.Charge(backward ? _backwardTree : _tree, ids.Reduce, reductions, reductions * tree.EnergyJ, now + durationPs, treePs);
            durationPs += treePs;
        }

        yield return _b.Sim.Timeout(durationPs);
    }

    private static int Ceil(int value, int size) => (value + size - 1) / size;

    private static long Ceil(long value, long size) => (value + size - 1) / size;
}
