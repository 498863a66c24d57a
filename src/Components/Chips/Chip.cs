using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Programming;
using Engram.Components.Ledger;
using Engram.Components.Scheduling;
using Engram.Models.Devices;
using Engram.Models.Learning;
using Engram.Sim.Core;
using Engram.Sim.Random;

namespace Engram.Components.Chips;

/// <summary>
/// A chip built from its <see cref="ChipSpec"/> on its own simulation: a thin composition of its layers (macros
/// of crossbars, row drivers and ADCs; shift-add, interconnect, adder trees), neurons, state register,
/// controller and programmer. Recall runs a registered <see cref="IRecallScheduler"/> as a kernel process over
/// <see cref="RecallRun"/>; every block computes its data and charges the <see cref="EnergyLedger"/>.
/// </summary>
public sealed class Chip
{
    private readonly LayerRead[] _reads;
    private readonly Programmer _programmer;
    private readonly double[]?[] _biases;
    private (double[] Fields, double[]? Hidden, RandomStream OrderStream)? _recallScratch;
    private (string Text, IRecallScheduler Scheduler)? _lastSchedule;
    private (string Scheduler, string Process)? _recallProcess;

    public Chip(ChipSpec spec, ulong seed, bool keepTrace = false)
        : this(spec, seed, keepTrace, EventQueueKind.Wheel)
    {
    }

    /// <summary>A chip on the given future-event set (tests compare the wheel with the reference heap).</summary>
    internal Chip(ChipSpec spec, ulong seed, bool keepTrace, EventQueueKind queue)
    {
        Spec = spec;
        Sim = new Simulation(SimulationOptionsFor(spec.Clock, seed, queue));
        Ledger = new EnergyLedger(keepTrace);
        var sites = new ChipSites(Sim, Ledger, spec.Clock);
        Blocks = new ChipBlocks(spec, sites);
        var readNoise = spec.Device.Card.ReadNoiseStdRelative > 0 ? new DeviceStreamRandom(Sim.Random.Stream("recall/read-noise")) : null;
        Layers = [.. ChipLayout.Layers(spec).Select(shape => ChipBuilder.BuildLayer(spec, shape, Blocks, Sim, Ledger))];
        _reads = [.. Layers.Select(layer => new LayerRead(layer, sites.Of(BlockKinds.Crossbar), readNoise, spec.Periphery.UnselectedColumnsConduct))];
        _programmer = new Programmer(sites.Of(BlockKinds.Programmer), Blocks.Cells.ReadPs);
        Components = new ChipComponents(Ledger.Component(BlockKinds.Controller), Ledger.Component(BlockKinds.Neuron), Ledger.Component(BlockKinds.StateRegister));
        State = new double[spec.Network.Neurons];
        _biases = new double[]?[Layers.Count];
        AreaUm2 = ChipLayout.AreaUm2(spec, Blocks);
    }

    /// <summary>
    /// The kernel's options for a chip: its wheel's buckets as wide as its fastest clock's period (rounded down to a
    /// power of two), 4,096 of them. A chip's events fall on clock edges (or an edge plus a pulse), so with the
    /// default one-tick buckets every event of a read went to a cold line of a 1 MB bucket table; a bucket per cycle
    /// keeps the table in cache (4,096 cycles ahead, later events wait in the overflow heap). The order of events is
    /// the wheel's exact order whatever the width. A recall is one process whose every wait is a delay with nothing else
    /// pending, resumed at once (<see cref="SimulationOptions.ResumeLoneDelays"/>; about a tenth of an hnn64 iteration).
    /// </summary>
    internal static SimulationOptions SimulationOptionsFor(ClockSpec clocks, ulong seed, EventQueueKind queue) => new()
    {
        Seed = seed,
        Queue = queue,
        WheelBucketShift = Math.Min(40, System.Numerics.BitOperations.Log2((ulong)clocks.AllDomains().Min(d => d.PeriodPs))),
        WheelBucketsLog2 = 12,
        ResumeLoneDelays = true,
    };

    public ChipSpec Spec { get; }

    public Simulation Sim { get; }

    public EnergyLedger Ledger { get; }

    /// <summary>The chip's blocks and their figures.</summary>
    public ChipBlocks Blocks { get; }

    public IReadOnlyList<Layer> Layers { get; }

    public int Neurons => State.Length;

    /// <summary>The visible neurons' state (the state register's contents).</summary>
    public double[] State { get; }

    /// <summary>Area per block path (µm²).</summary>
    public IReadOnlyDictionary<string, double> AreaUm2 { get; }

    public double TotalAreaUm2 => AreaUm2.Values.Sum();

    /// <summary>Static power of all blocks (W), integrated into the ledger when it closes.</summary>
    public double StaticPowerW => Ledger.StaticPowerW;

    internal ChipComponents Components { get; }

    /// <summary>Per layer the biases its neurons add after the converters, or null (no bias path used).</summary>
    public IReadOnlyList<double[]?> Biases => _biases;

    /// <summary>
    /// Sets layer <paramref name="layer"/>'s biases: a digital add after the ADC in each neuron of that layer
    /// (charged as the neuron's <c>bias_add</c>), held in the neuron unit's register; null removes them.
    /// </summary>
    public void SetBias(int layer, double[]? bias)
    {
        if (bias is not null && bias.Length != Layers[layer].Outputs)
        {
            throw new ArgumentException($"layer {layer} has {Layers[layer].Outputs} outputs, got {bias.Length} biases", nameof(bias));
        }

        _biases[layer] = bias is null ? null : (double[])bias.Clone();
    }

    /// <summary>Programs layer <paramref name="layer"/>'s weights (outputs × inputs, row-major) set-to-target: zero time, no charge.</summary>
    public int Program(int layer, ReadOnlySpan<double> weights)
    {
        _reads[layer].Invalidate();
        return Programmer.Set(Layers[layer], weights, ProgrammingStream(layer));
    }

    /// <summary>Programs layer <paramref name="layer"/> set-to-target from weights read entry by entry: the same devices as the dense form.</summary>
    public int Program(int layer, IWeightMatrix weights)
    {
        _reads[layer].Invalidate();
        return Programmer.Set(Layers[layer], weights, ProgrammingStream(layer));
    }

    /// <summary>Programs layer <paramref name="layer"/> with write-verify, charging pulses and verify reads (see <see cref="Programmer"/>).</summary>
    public ProgrammingResult ProgramVerified(int layer, ReadOnlySpan<double> weights, WriteVerifyMode mode = WriteVerifyMode.Reprogram, double? weightMax = null)
    {
        _reads[layer].Invalidate();
        return _programmer.WriteVerify(Layers[layer], weights, ProgrammingStream(layer).AsSystemRandom(), mode, weightMax);
    }

    /// <summary>One analog matrix-vector product of layer <paramref name="layer"/> on the kernel (every column converted).</summary>
    public void Forward(int layer, double[] input, double[] output) =>
        Sim.Run(Sim.Process(Read(layer, input, output, ColumnSelection.All), "forward"));

    /// <summary>Runs one recall from <paramref name="cue"/> with a scheduler named as <see cref="RecallSchedulers"/> parses it.</summary>
    public RecallResult Recall(ReadOnlySpan<double> cue, string schedule, UpdateOrder order, int maxIterations)
    {
        // Schedulers hold no state, so the last schedule's parse serves every recall that names it again.
        if (_lastSchedule is not { } last || !string.Equals(last.Text, schedule, StringComparison.Ordinal))
        {
            last = (schedule, RecallSchedulers.Parse(schedule));
            _lastSchedule = last;
        }

        return Recall(cue, last.Scheduler, order, maxIterations);
    }

    /// <summary>Runs one recall from <paramref name="cue"/> on the kernel and returns what it settled to and cost.</summary>
    public RecallResult Recall(ReadOnlySpan<double> cue, IRecallScheduler scheduler, UpdateOrder order, int maxIterations)
    {
        if (cue.Length != Neurons)
        {
            throw new ArgumentException($"cue has {cue.Length} values, the chip has {Neurons} neurons", nameof(cue));
        }

        cue.CopyTo(State);
        long startPs = Sim.Now;
        double startJ = Ledger.TotalEnergyJ;
        var run = new RecallRun(this, order, maxIterations);
        Sim.Run(Sim.Process(scheduler.Run(run), RecallProcessName(scheduler.Name)));
        long latencyPs = Sim.Now - startPs;
        double energyJ = Ledger.TotalEnergyJ - startJ + (Ledger.StaticPowerW * latencyPs * 1e-12);
        return new RecallResult((double[])State.Clone(), run.Iterations, run.Updates, run.Converged, energyJ, latencyPs);
    }

    private string RecallProcessName(string schedulerName)
    {
        if (_recallProcess is not { } kept || !string.Equals(kept.Scheduler, schedulerName, StringComparison.Ordinal))
        {
            kept = (schedulerName, $"recall-{schedulerName}");
            _recallProcess = kept;
        }

        return kept.Process;
    }

    /// <summary>Test hook: the cells from which a whole-layer read spreads its macros over the cores.</summary>
    internal long ParallelReadCells
    {
        set
        {
            foreach (var read in _reads)
            {
                read.ParallelReadCells = value;
            }
        }
    }

    /// <summary>Test hook: reads straight from the bit lines where they can (the default), or through the macros.</summary>
    internal bool ReadsBitLines
    {
        set
        {
            foreach (var read in _reads)
            {
                read.ReadsBitLines = value;
            }
        }
    }

    /// <summary>Whether every layer's reads can go straight to its bit lines.</summary>
    internal bool HasBitLineReads => _reads.All(r => r.HasBitLineReads);

    /// <summary>Test hook: every conversion as a queued kernel process (the reference for the batched rounds).</summary>
    internal bool QueuedConversions
    {
        set
        {
            foreach (var read in _reads)
            {
                read.QueuedConversions = value;
            }
        }
    }

    /// <summary>
    /// A recall's buffers (the visible neurons' fields, the hidden layer's states or null) and the order stream, taken
    /// once: a chip runs one recall at a time, and every field is written by a forward pass before it is read.
    /// </summary>
    internal (double[] Fields, double[]? Hidden, RandomStream OrderStream) RecallScratch =>
        _recallScratch ??= (new double[Neurons], Layers.Count > 1 ? new double[Layers[0].Outputs] : null, Sim.Random.Stream("recall/order"));

    /// <summary>Closes the ledger: integrates static power over the whole simulated time.</summary>
    public void Finish() => Ledger.Close(Sim.Now);

    internal IEnumerable<Wait> Read(int layer, double[] input, double[] output, ColumnSelection columns) => _reads[layer].Run(input, output, columns);

    private RandomStream ProgrammingStream(int layer) => Sim.Random.Stream($"devices/programming/L{layer}");
}

/// <summary>Ledger components of the chip-level blocks.</summary>
internal sealed record ChipComponents(int Controller, int Neuron, int StateRegister);
