using Engram.Components.Arch;
using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Models.Networks;
using Engram.Sim.Core;
using Engram.Sim.Random;
using Engram.Sim.Resources;

namespace Engram.Components.Chips;

/// <summary>
/// A chip built from its <see cref="ChipSpec"/> on its own simulation: layers of crossbar blocks with their
/// row drivers, cells and shared ADCs, neurons, a state register, accumulators, interconnect and a controller.
/// Recall runs as kernel processes (synchronous or asynchronous); every action computes its data from the
/// device states and charges the <see cref="EnergyLedger"/>.
/// </summary>
public sealed class Chip
{
    private readonly Random? _readNoise;
    private readonly RandomStream _order;
    private readonly List<Event> _conversions = [];

    private readonly int _controller, _host, _neurons, _register;
    private readonly int[] _interconnect, _accumulators, _shiftAdd;
    private readonly BroadcastCache[] _broadcast;
    private readonly double[][] _planeBuffers;
    private readonly ComponentIds[] _broadcastIds;
    private readonly int _write;
    private readonly int _issue, _roundTrip, _driveRow, _read, _convert, _activate, _writeBit, _transfer, _reduce, _shiftAddAction;

    public Chip(ChipSpec spec, ulong seed, bool keepTrace = false)
    {
        Spec = spec;
        Sim = new Simulation(new SimulationOptions { Seed = seed });
        Ledger = new EnergyLedger(keepTrace);
        Costs = new ChipCosts(spec);
        _readNoise = spec.Device.Card.ReadNoiseStdRelative > 0 ? Sim.Random.Stream("recall/read-noise").AsSystemRandom() : null;
        _order = Sim.Random.Stream("recall/order");

        _write = Ledger.Action("write_verify");
        _controller = Ledger.Component("controller");
        _host = Ledger.Component("host");
        _neurons = Ledger.Component("neurons");
        _register = Ledger.Component("state_register");
        (_issue, _roundTrip, _driveRow, _read, _convert) = (Ledger.Action("issue"), Ledger.Action("round_trip"), Ledger.Action("drive_row"), Ledger.Action("read"), Ledger.Action("convert"));
        (_activate, _writeBit, _transfer, _reduce, _shiftAddAction) = (Ledger.Action("activate"), Ledger.Action("write_bit"), Ledger.Action("transfer"), Ledger.Action("reduce"), Ledger.Action("shift_add"));

        int n = spec.Network.Neurons;
        var shapes = ChipLayout.Layers(spec);
        _interconnect = new int[shapes.Count];
        _accumulators = new int[shapes.Count];
        _shiftAdd = new int[shapes.Count];
        int planes = spec.Periphery.DacBits == 1 ? 1 : spec.Periphery.DacBits - 1;
        _broadcast = shapes.Select(shape => new BroadcastCache(planes, shape.Inputs)).ToArray();
        _broadcastIds = new ComponentIds[shapes.Count];
        _planeBuffers = shapes.Select(shape => new double[shape.Inputs]).ToArray();
        Layers = shapes.Select(BuildLayer).ToList();
        Neurons = n;
        State = new double[n];
        AreaUm2 = ChipLayout.AreaUm2(spec, Costs);
    }

    public ChipSpec Spec { get; }

    public Simulation Sim { get; }

    public EnergyLedger Ledger { get; }

    public ChipCosts Costs { get; }

    public IReadOnlyList<CrossbarLayer> Layers { get; }

    public int Neurons { get; }

    /// <summary>The visible neurons' state (the state register's contents).</summary>
    public double[] State { get; }

    /// <summary>Area per component path (µm²).</summary>
    public IReadOnlyDictionary<string, double> AreaUm2 { get; }

    public double TotalAreaUm2 => AreaUm2.Values.Sum();

    /// <summary>Static power of all components (W), integrated into the ledger when it closes.</summary>
    public double StaticPowerW => Ledger.StaticPowerW;

    /// <summary>Programs layer <paramref name="layer"/>'s weights (outputs × inputs, row-major) through the device model, in zero time and at no charge (set-to-target).</summary>
    public int Program(int layer, ReadOnlySpan<double> weights)
    {
        _broadcast[layer].Invalidate();
        return Layers[layer].Program(weights, Sim.Random.Stream($"devices/programming/L{layer}").AsSystemRandom());
    }

    /// <summary>
    /// Programs layer <paramref name="layer"/> cell by cell with write-verify (the card's max pulses and tolerance):
    /// arrays are programmed in parallel, the cells of one array one after another, each verify read a read pulse
    /// and each programming pulse the card's write pulse. Charges V²·G·t per pulse and per verify read.
    /// </summary>
    public ProgrammingResult ProgramVerified(int layer, ReadOnlySpan<double> weights, WriteVerifyMode mode = WriteVerifyMode.Reprogram, double? weightMax = null)
    {
        _broadcast[layer].Invalidate();
        var targets = Layers[layer].Targets(weights, weightMax);
        var rng = Sim.Random.Stream($"devices/programming/L{layer}").AsSystemRandom();
        var totals = new ProgrammingTally();
        long start = Sim.Now;
        double startJ = Ledger.TotalEnergyJ;
        var arrays = new List<Event>();
        foreach (var (block, plus, minus) in targets)
        {
            arrays.Add(Sim.Process(ProgramArray(block, block.Plus, plus, rng, mode, totals)));
            if (block.Minus is not null)
            {
                arrays.Add(Sim.Process(ProgramArray(block, block.Minus, minus, rng, mode, totals)));
            }
        }

        Sim.Run(Sim.AllOf(arrays));
        foreach (var (block, _, _) in targets)
        {
            block.RefreshRowSums();
        }

        return new ProgrammingResult(totals.Pulses, totals.VerifyReads, totals.Unconverged, Sim.Now - start, Ledger.TotalEnergyJ - startJ);
    }

    /// <summary>Counts shared by the per-array programming processes (they run on the one kernel thread).</summary>
    private sealed class ProgrammingTally
    {
        public long Pulses;
        public long VerifyReads;
        public long Unconverged;
    }

    private IEnumerable<Wait> ProgramArray(CrossbarBlock block, DeviceArray array, double[] targets, Random rng, WriteVerifyMode mode, ProgrammingTally totals)
    {
        var card = array.Card;
        long readPs = Ps(Costs.ReadCycles);
        for (int r = 0; r < array.Rows; r++)
        {
            long rowPulses = 0, rowReads = 0;
            double rowJ = 0;
            for (int c = 0; c < array.Cols; c++)
            {
                // The first verify read sees the cell as it was; the pulses and every later read see it as written
                // (intermediate states of a multi-pulse loop are taken at the final conductance).
                double before = array.GetConductance(r, c);
                var result = DeviceProgramming.WriteVerify(array, r, c, targets[array.CellIndex(r, c)], rng, mode);
                double after = array.GetConductance(r, c);
                double readV2 = card.ReadVoltageV * card.ReadVoltageV;
                rowJ += (result.Pulses * card.WritePulse.VoltageV * card.WritePulse.VoltageV * after * card.WritePulse.WidthPs * 1e-12)
                    + (readV2 * before * readPs * 1e-12)
                    + ((result.VerifyReads - 1) * readV2 * after * readPs * 1e-12);
                rowPulses += result.Pulses;
                rowReads += result.VerifyReads;
                totals.Pulses += result.Pulses;
                totals.VerifyReads += result.VerifyReads;
                totals.Unconverged += result.Converged ? 0 : 1;
            }

            long rowPs = (rowPulses * card.WritePulse.WidthPs) + (rowReads * readPs);
            Ledger.Charge(block.Ids.Cells, _write, rowPulses + rowReads, rowJ, Sim.Now, rowPs);
            if (rowPs > 0)
            {
                yield return Sim.Timeout(rowPs);
            }
        }
    }

    /// <summary>One analog matrix-vector product of layer <paramref name="layer"/> on the kernel (all columns, synchronous read).</summary>
    public void Forward(int layer, double[] input, double[] output)
    {
        Sim.Run(Sim.Process(Forward(Layers[layer], input, output, -1), "forward"));
    }

    /// <summary>Runs one recall from <paramref name="cue"/> on the kernel and returns what it settled to and cost.</summary>
    public RecallResult Recall(ReadOnlySpan<double> cue, Schedule schedule, UpdateOrder order, int maxIterations)
    {
        if (cue.Length != Neurons)
        {
            throw new ArgumentException($"cue has {cue.Length} values, the chip has {Neurons} neurons", nameof(cue));
        }

        cue.CopyTo(State);
        long startPs = Sim.Now;
        double startJ = Ledger.TotalEnergyJ;
        var run = new RecallProgress();
        var process = Sim.Process(schedule == Schedule.Sync ? SyncRecall(run, maxIterations) : AsyncRecall(run, order, maxIterations), $"recall-{schedule}");
        Sim.Run(process);
        long latencyPs = Sim.Now - startPs;
        double energyJ = Ledger.TotalEnergyJ - startJ + (Ledger.StaticPowerW * latencyPs * 1e-12);
        return new RecallResult((double[])State.Clone(), run.Iterations, run.Updates, run.Converged, energyJ, latencyPs);
    }

    /// <summary>Closes the ledger: integrates static power over the whole simulated time.</summary>
    public void Finish() => Ledger.Close(Sim.Now);

    private sealed class RecallProgress
    {
        public int Iterations;
        public long Updates;
        public bool Converged;
    }

    private long Ps(int cycles) => cycles * Costs.PeriodPs;

    private IEnumerable<Wait> SyncRecall(RecallProgress run, int maxIterations)
    {
        var u = new double[Neurons];
        var hidden = Layers.Count > 1 ? new double[Layers[0].Outputs] : null;
        for (int it = 0; it < maxIterations; it++)
        {
            foreach (var w in Issue())
            {
                yield return w;
            }

            foreach (var w in ForwardNetwork(u, hidden, column: -1))
            {
                yield return w;
            }

            foreach (var w in Activate(Neurons))
            {
                yield return w;
            }

            int changed = 0;
            for (int i = 0; i < Neurons; i++)
            {
                double next = NeuronOutput(u[i], State[i]);
                if (Changed(State[i], next))
                {
                    changed++;
                }

                State[i] = next;
            }

            run.Iterations++;
            run.Updates += Neurons;
            if (changed == 0)
            {
                run.Converged = true;
                yield break;
            }
        }
    }

    private IEnumerable<Wait> AsyncRecall(RecallProgress run, UpdateOrder order, int maxSweeps)
    {
        var u = new double[Neurons];
        var hidden = Layers.Count > 1 ? new double[Layers[0].Outputs] : null;
        var sequence = new int[Neurons];
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            for (int i = 0; i < Neurons; i++)
            {
                sequence[i] = i;
            }

            if (order == UpdateOrder.Random)
            {
                _order.Shuffle(sequence.AsSpan());
            }

            int changed = 0;
            foreach (int j in sequence)
            {
                foreach (var w in Issue())
                {
                    yield return w;
                }

                foreach (var w in ForwardNetwork(u, hidden, column: j))
                {
                    yield return w;
                }

                foreach (var w in Activate(1))
                {
                    yield return w;
                }

                double next = NeuronOutput(u[j], State[j]);
                if (Changed(State[j], next))
                {
                    changed++;
                }

                State[j] = next;
                run.Updates++;
            }

            run.Iterations++;
            if (changed == 0)
            {
                run.Converged = true;
                yield break;
            }
        }
    }

    /// <summary>Controller issue of one step, and the host round trip when the controller is off chip.</summary>
    private IEnumerable<Wait> Issue()
    {
        Ledger.Charge(_controller, _issue, 1, Costs.Controller.EnergyJ, Sim.Now, Ps(Costs.Controller.Cycles));
        if (Costs.Controller.Cycles > 0)
        {
            yield return Sim.Timeout(Ps(Costs.Controller.Cycles));
        }

        if (Costs.HostRoundTripCycles > 0)
        {
            Ledger.Charge(_host, _roundTrip, 1, Costs.HostRoundTripEnergyJ, Sim.Now, Ps(Costs.HostRoundTripCycles));
            yield return Sim.Timeout(Ps(Costs.HostRoundTripCycles));
        }
    }

    /// <summary>Neuron function on <paramref name="count"/> neurons in parallel, then the state register latches their bits (one cycle).</summary>
    private IEnumerable<Wait> Activate(int count)
    {
        Ledger.Charge(_neurons, _activate, count, count * Costs.Neuron.EnergyJ, Sim.Now, Ps(Costs.Neuron.Cycles));
        if (Costs.Neuron.Cycles > 0)
        {
            yield return Sim.Timeout(Ps(Costs.Neuron.Cycles));
        }

        long bits = (long)count * Spec.Periphery.StateRegisterBits;
        Ledger.Charge(_register, _writeBit, bits, bits * Costs.RegisterBitJ, Sim.Now, Ps(1));
        yield return Sim.Timeout(Ps(1));
    }

    /// <summary>The whole network's forward pass; <paramref name="column"/> ≥ 0 computes only that visible neuron in the last layer.</summary>
    private IEnumerable<Wait> ForwardNetwork(double[] u, double[]? hidden, int column)
    {
        if (hidden is null)
        {
            foreach (var w in Forward(Layers[0], State, u, column))
            {
                yield return w;
            }

            yield break;
        }

        foreach (var w in Forward(Layers[0], State, hidden, -1))
        {
            yield return w;
        }

        // Hidden neurons: tanh when the DACs can drive graded inputs, sign otherwise (Engram's choice, hnn.md §2.3 uses tanh).
        foreach (var w in Activate(hidden.Length))
        {
            yield return w;
        }

        for (int h = 0; h < hidden.Length; h++)
        {
            hidden[h] = Spec.Periphery.DacBits > 1 ? Math.Tanh(hidden[h]) : Math.Sign(hidden[h]);
        }

        foreach (var w in Forward(Layers[1], hidden, u, column))
        {
            yield return w;
        }
    }

    private IEnumerable<Wait> Forward(CrossbarLayer layer, double[] input, double[] output, int column)
    {
        int dacBits = Spec.Periphery.DacBits;
        int planes = dacBits == 1 ? 1 : dacBits - 1;
        int levels = (1 << planes) - 1;
        var plane = _planeBuffers[layer.Index];
        int colBlockOfColumn = column < 0 ? -1 : column / layer.ArrayCols;
        if (column < 0)
        {
            Array.Clear(output, 0, layer.Outputs);
        }
        else
        {
            output[column] = 0;
        }

        int convertedPerBlock = column < 0 ? layer.ArrayCols : 1;
        for (int p = 0; p < planes; p++)
        {
            for (int i = 0; i < layer.Inputs; i++)
            {
                double x = input[i];
                if (dacBits == 1)
                {
                    plane[i] = Math.Sign(x);
                }
                else
                {
                    int q = (int)Math.Round(Math.Min(Math.Abs(x), 1) * levels);
                    plane[i] = ((q >> p) & 1) * Math.Sign(x);
                }
            }

            double planeWeight = dacBits == 1 ? 1 : (1 << p) / (double)levels;
            long readPs = Ps(Costs.ReadCycles);
            bool conductAll = Spec.Periphery.UnselectedColumnsConduct;
            if (column >= 0 && conductAll)
            {
                ChargeBroadcast(layer, p, plane, colBlockOfColumn, readPs);
            }

            // Only the blocks holding the column are read (the others were charged by the broadcast above).
            int firstCb = column < 0 ? 0 : colBlockOfColumn, lastCb = column < 0 ? layer.ColBlocks - 1 : colBlockOfColumn;
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            for (int cb = firstCb; cb <= lastCb; cb++)
            {
                var block = layer.Block(rb, cb);

                layer.Drive(block, plane);
                double cellPowerW;
                long conductingCells;
                if (column < 0)
                {
                    double all = block.ReadAll(_readNoise);
                    cellPowerW = Costs.CurrentInConverter ? 0 : all;
                    conductingCells = Costs.CurrentInConverter ? 0 : (long)block.ActiveRows * CellColumns(block, block.Cols);
                }
                else
                {
                    double one = block.ReadColumn(column - block.ColStart, _readNoise, out double all);
                    int others = conductAll ? block.Cols - 1 : 0;
                    cellPowerW = Costs.CurrentInConverter ? (conductAll ? all - one : 0) : (conductAll ? all : one);
                    conductingCells = (long)block.ActiveRows * (Costs.CurrentInConverter ? CellColumns(block, others) : CellColumns(block, others + 1));
                }

                int drives = block.Rows * block.PhysicalArrays;
                int activeDrives = block.ActiveRows * block.PhysicalArrays;
                Ledger.Charge(block.Ids.RowDrivers, _driveRow, drives, (activeDrives * Costs.RowDriveActiveJ) + ((drives - activeDrives) * Costs.RowDriveIdleJ), Sim.Now, readPs);
                Ledger.Charge(block.Ids.Cells, _read, conductingCells, Costs.CellEnergyJ(cellPowerW, conductingCells), Sim.Now, readPs);
            }

            if (readPs > 0)
            {
                yield return Sim.Timeout(readPs);
            }

            if (column >= 0 && layer.RowBlocks == 1)
            {
                // One conversion: run it inline instead of starting a process and waiting on a condition.
                foreach (var w in Convert(layer, layer.Block(0, colBlockOfColumn), column - (colBlockOfColumn * layer.ArrayCols), planeWeight, output))
                {
                    yield return w;
                }
            }
            else
            {
                _conversions.Clear();
                for (int rb = 0; rb < layer.RowBlocks; rb++)
                for (int cb = firstCb; cb <= lastCb; cb++)
                {
                    var block = layer.Block(rb, cb);
                    if (column >= 0)
                    {
                        _conversions.Add(Sim.Process(Convert(layer, block, column - block.ColStart, planeWeight, output)));
                        continue;
                    }

                    for (int c = 0; c < block.Cols && block.ColStart + c < layer.Outputs; c++)
                    {
                        _conversions.Add(Sim.Process(Convert(layer, block, c, planeWeight, output)));
                    }
                }

                yield return Sim.AllOf(_conversions);
            }

            if (planes > 1)
            {
                long adds = (long)convertedPerBlock * (column < 0 ? layer.RowBlocks * layer.ColBlocks : layer.RowBlocks);
                Ledger.Charge(_shiftAdd[layer.Index], _shiftAddAction, adds, adds * Costs.ShiftAdd.EnergyJ, Sim.Now, Ps(Costs.ShiftAdd.Cycles));
                if (Costs.ShiftAdd.Cycles > 0)
                {
                    yield return Sim.Timeout(Ps(Costs.ShiftAdd.Cycles));
                }
            }
        }

        if (layer.RowBlocks > 1)
        {
            int outputs = column < 0 ? layer.Outputs : 1;
            long partials = (long)outputs * layer.RowBlocks;
            long bits = partials * Spec.Interconnect.PartialSumBits;
            long hopPs = Ps(Spec.Interconnect.HopCycles);
            Ledger.Charge(_interconnect[layer.Index], _transfer, partials, bits * Costs.WireBitJ, Sim.Now, hopPs);
            if (hopPs > 0)
            {
                yield return Sim.Timeout(hopPs);
            }

            var tree = Costs.AdderTree(layer.RowBlocks);
            Ledger.Charge(_accumulators[layer.Index], _reduce, outputs, outputs * tree.EnergyJ, Sim.Now, Ps(tree.Cycles));
            if (tree.Cycles > 0)
            {
                yield return Sim.Timeout(Ps(tree.Cycles));
            }
        }
    }

    /// <summary>
    /// An asynchronous update with word lines broadcast to the whole layer: the arrays that do not hold the
    /// neuron's column are driven and conduct, but nothing of theirs is converted. Their energy depends only on
    /// V_i² per row, which for ±1 states never changes, so it is cached per input plane and charged as one
    /// aggregate per layer (<c>L{l}/broadcast/...</c>) instead of per array and update.
    /// </summary>
    private void ChargeBroadcast(CrossbarLayer layer, int planeIndex, double[] plane, int colBlockOfColumn, long readPs)
    {
        var cache = _broadcast[layer.Index];
        if (!cache.Matches(planeIndex, plane))
        {
            cache.Refresh(layer, planeIndex, plane);
        }

        var totals = cache.Totals[planeIndex];
        double powerW = totals.PowerW;
        long activeDrives = totals.ActiveDrives, drives = totals.Drives, cells = totals.ConductingCells;
        for (int rb = 0; rb < layer.RowBlocks; rb++)
        {
            var held = cache.PerBlock[planeIndex][rb, colBlockOfColumn];
            powerW -= held.PowerW;
            activeDrives -= held.ActiveDrives;
            drives -= held.Drives;
            cells -= held.ConductingCells;
        }

        if (drives == 0)
        {
            return;
        }

        var ids = _broadcastIds[layer.Index];
        Ledger.Charge(ids.RowDrivers, _driveRow, drives, (activeDrives * Costs.RowDriveActiveJ) + ((drives - activeDrives) * Costs.RowDriveIdleJ), Sim.Now, readPs);
        Ledger.Charge(ids.Cells, _read, cells, Costs.CellEnergyJ(Math.Max(powerW, 0), cells), Sim.Now, readPs);
    }

    private sealed class BroadcastCache(int planes, int inputs)
    {
        private readonly double[][] _squares = Enumerable.Range(0, planes).Select(_ => new double[inputs]).ToArray();
        private readonly bool[] _valid = new bool[planes];

        public (double PowerW, long ActiveDrives, long Drives, long ConductingCells)[] Totals { get; } = new (double, long, long, long)[planes];

        public (double PowerW, long ActiveDrives, long Drives, long ConductingCells)[][,] PerBlock { get; } = new (double, long, long, long)[planes][,];

        public bool Matches(int planeIndex, double[] plane)
        {
            if (!_valid[planeIndex])
            {
                return false;
            }

            var squares = _squares[planeIndex];
            for (int i = 0; i < plane.Length; i++)
            {
                if (plane[i] * plane[i] != squares[i])
                {
                    return false;
                }
            }

            return true;
        }

        public void Refresh(CrossbarLayer layer, int planeIndex, double[] plane)
        {
            var squares = _squares[planeIndex];
            for (int i = 0; i < plane.Length; i++)
            {
                squares[i] = plane[i] * plane[i];
            }

            var perBlock = new (double, long, long, long)[layer.RowBlocks, layer.ColBlocks];
            (double PowerW, long ActiveDrives, long Drives, long ConductingCells) total = default;
            foreach (var block in layer.Blocks())
            {
                layer.Drive(block, plane);
                double power = block.DriveOnly();
                long active = (long)block.ActiveRows * block.PhysicalArrays;
                long drives = (long)block.Rows * block.PhysicalArrays;
                long cells = (long)block.ActiveRows * CellColumns(block, block.Cols);
                perBlock[block.BlockRow, block.BlockCol] = (power, active, drives, cells);
                total = (total.PowerW + power, total.ActiveDrives + active, total.Drives + drives, total.ConductingCells + cells);
            }

            PerBlock[planeIndex] = perBlock;
            Totals[planeIndex] = total;
            _valid[planeIndex] = true;
        }

        /// <summary>Programming changes conductances: every cached power is stale.</summary>
        public void Invalidate() => Array.Clear(_valid);
    }

    // Cells that conduct in `columns` columns of a block: both arrays of a differential pair, plus the reference column's cells.
    private static long CellColumns(CrossbarBlock block, int columns) =>
        block.Minus is null ? columns + 1L : 2L * columns;

    private IEnumerable<Wait> Convert(CrossbarLayer layer, CrossbarBlock block, int col, double planeWeight, double[] output)
    {
        using var adc = block.Adcs.Request();
        yield return adc;
        long convertPs = Ps(Costs.AdcCycles);
        Ledger.Charge(block.Ids.Adcs, _convert, 1, Costs.ConversionEnergyJ(block.ColumnConductanceS(col)), Sim.Now, convertPs);
        if (convertPs > 0)
        {
            yield return Sim.Timeout(convertPs);
        }

        output[block.ColStart + col] += planeWeight * layer.Convert(block, col);
    }

    private double NeuronOutput(double u, double previous) =>
        NeuronFunctions.Activate(u, previous, continuous: Spec.Periphery.Neuron == NeuronFunction.Tanh);

    private bool Changed(double before, double after) => Spec.Periphery.Neuron == NeuronFunction.Sign
        ? before != after
        : Math.Abs(before - after) >= 0.5 / ((1 << Math.Max(Spec.Periphery.DacBits - 1, 1)) - 1);

    private CrossbarLayer BuildLayer(LayerShape shape)
    {
        var spec = Spec;
        int rows = spec.Array.Rows, cols = spec.Array.Cols, index = shape.Index;
        var blocks = new CrossbarBlock[shape.RowBlocks, shape.ColBlocks];
        var card = spec.Device.Card;
        int adcsPerBlock = ChipLayout.AdcsPerBlock(spec);
        for (int rb = 0; rb < shape.RowBlocks; rb++)
        {
            for (int cb = 0; cb < shape.ColBlocks; cb++)
            {
                string path = ChipLayout.BlockPath(index, rb, cb);
                DeviceArray MakeArray(string which) => new(card, rows, cols,
                    Sim.Random.Stream($"devices/variation/{path}/{which}").AsSystemRandom(),
                    Sim.Random.Stream($"devices/faults/{path}/{which}").AsSystemRandom());
                var plus = MakeArray("plus");
                var minus = spec.Device.Mapping == WeightMapping.Differential ? MakeArray("minus") : null;
                double referenceS = minus is null ? new ReferenceColumnMapping(card, 1).ReferenceS : 0;
                var ids = new ComponentIds(Ledger.Component($"{path}/row_drivers"), Ledger.Component($"{path}/cells"), Ledger.Component($"{path}/adcs"));
                blocks[rb, cb] = new CrossbarBlock(rb, cb, rb * rows, cb * cols, plus, minus, referenceS, new Resource(Sim, adcsPerBlock, $"{path}/adcs"), ids);
            }
        }

        _interconnect[index] = Ledger.Component($"L{index}/interconnect");
        _accumulators[index] = Ledger.Component($"L{index}/accumulators");
        _shiftAdd[index] = Ledger.Component($"L{index}/shift_add");
        _broadcastIds[index] = new ComponentIds(Ledger.Component($"L{index}/broadcast/row_drivers"), Ledger.Component($"L{index}/broadcast/cells"), -1);
        int shiftAddUnits = ChipLayout.ShiftAddUnits(spec, shape);
        if (shiftAddUnits > 0)
        {
            Ledger.AddStaticPower(_shiftAdd[index], shiftAddUnits * Costs.ShiftAddLeakageW);
        }

        return new CrossbarLayer(index, shape.Inputs, shape.Outputs, blocks, spec);
    }
}
