using Engram.Components.Arch;
using Engram.Components.Blocks.Training;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Training;

/// <summary>
/// An <c>mlp</c> chip built for training with one algorithm: per layer its C array (and for the Tiki-Taka family
/// a fast array A with its reference array), every block charging one ledger on one simulation. The
/// floating-point reference builds no arrays. Device draws come from named streams
/// (<c>devices/variation/T&lt;l&gt;/C</c>, …), so the same seed gives the same devices whichever algorithm runs.
/// </summary>
public sealed class TrainingChip
{
    private readonly double[][] _initial;

    public TrainingChip(ChipSpec spec, TrainingAlgorithm algorithm, ulong seed, bool keepTrace = false)
    {
        if (spec.Network.Kind != NetworkKind.Mlp)
        {
            throw new ArgumentException($"{spec.File}: network.kind is {spec.Network.Kind.ToString().ToLowerInvariant()}; engram train needs an mlp chip (network.kind: mlp with layers)");
        }

        Spec = spec;
        Algorithm = algorithm;
        Sim = new Simulation(Chip.SimulationOptionsFor(spec.Clock, seed, EventQueueKind.Wheel));
        Ledger = new EnergyLedger(keepTrace, TraceEntries);
        Tally = new WriteVerifyTally();
        var shapes = spec.Network.WeightShapes();
        var init = Sim.Random.Stream("training/init").AsSystemRandom();
        _initial = [.. shapes.Select(s => InitialWeights(s.Inputs, s.Outputs, init))];
        if (algorithm.Rule is not { } rule)
        {
            Layers = [.. shapes.Select((s, l) => (IMlpLayer)new FloatingPointLayer(s.Inputs, s.Outputs, _initial[l], algorithm.FloatLearningRate))];
            return;
        }

        Blocks = new TrainingBlocks(spec, Sim, Ledger);
        Blocks.RequirePulseTraining(algorithm.Name);
        CheckArrays(spec, rule);
        Digital = new DigitalActions(Blocks.Digital, Blocks.Sites.Of(Components.Blocks.BlockKinds.DigitalUnit));
        var card = spec.Device.Card;
        var readNoise = card.ReadNoiseStdRelative > 0 ? Sim.Random.Stream("training/read-noise").AsSystemRandom() : null;
        var outNoise = Sim.Random.Stream("training/out-noise").AsSystemRandom();
        var pulses = Sim.Random.Stream("training/pulses").AsSystemRandom();
        var layers = new List<IMlpLayer>();
        for (int l = 0; l < shapes.Count; l++)
        {
            var (rows, cols) = shapes[l];
            var c = new TileActions(new AnalogTile("C", Devices(card, rows, cols, $"T{l}/C")), Blocks, $"T{l}/C", readNoise, outNoise);
            var a = rule.UsesFastArray ? new TileActions(new AnalogTile("A", Devices(card, rows, cols, $"T{l}/A")), Blocks, $"T{l}/A", readNoise, outNoise) : null;
            layers.Add(new AnalogLayer(c, a, rule, spec.Training!.Update, Digital, pulses, Tally));
        }

        Layers = layers;
    }

    /// <summary>Ledger entries a traced training run keeps (the setup and the start of the first epoch, ~10 MB of trace); the rest are counted as dropped.</summary>
    public const int TraceEntries = 250_000;

    public ChipSpec Spec { get; }

    public TrainingAlgorithm Algorithm { get; }

    public Simulation Sim { get; }

    public EnergyLedger Ledger { get; }

    /// <summary>The training blocks' figures; null for the floating-point reference.</summary>
    public TrainingBlocks? Blocks { get; }

    public DigitalActions? Digital { get; }

    public IReadOnlyList<IMlpLayer> Layers { get; }

    public WriteVerifyTally Tally { get; }

    /// <summary>
    /// Before the first sample: C programmed to the initial weights (set-to-target, the card's programming noise),
    /// each fast array zero-shifted and copied into its reference. Charged to the ledger; not part of any epoch.
    /// </summary>
    public IEnumerable<Wait> Setup()
    {
        var programming = Sim.Random.Stream("training/programming").AsSystemRandom();
        var zeroShift = Sim.Random.Stream("training/zero-shift").AsSystemRandom();
        var reference = Sim.Random.Stream("training/reference").AsSystemRandom();
        for (int l = 0; l < Layers.Count; l++)
        {
            if (Layers[l] is not AnalogLayer layer)
            {
                continue;
            }

            layer.Slow.Tile.Program(Transposed(_initial[l], layer.Inputs, layer.Outputs), programming);
            if (layer.Fast is { } fast)
            {
                fast.Tile.Devices.Fill(fast.Tile.Devices.ToConductance(0));
                foreach (var w in fast.ZeroShift(Spec.Training!.ZeroShiftPulsePairs, zeroShift))
                {
                    yield return w;
                }

                fast.Tile.CopyReference(Spec.Training.ReferenceStd, reference);
            }
        }
    }

    // PyTorch's nn.Linear default: U(−1/√fan_in, 1/√fan_in) for weights and bias; outputs × inputs, the bias last.
    private static double[] InitialWeights(int inputs, int outputs, Random rng)
    {
        double bound = 1.0 / Math.Sqrt(inputs - 1);
        var w = new double[inputs * outputs];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = bound * ((2 * rng.NextDouble()) - 1);
        }

        return w;
    }

    // Arrays hold inputs on rows and outputs on columns: the transpose of outputs × inputs.
    private static double[] Transposed(double[] w, int inputs, int outputs)
    {
        var t = new double[w.Length];
        for (int o = 0; o < outputs; o++)
        {
            for (int i = 0; i < inputs; i++)
            {
                t[(i * outputs) + o] = w[(o * inputs) + i];
            }
        }

        return t;
    }

    private DeviceArray Devices(DeviceCard card, int rows, int cols, string path) =>
        new(card, rows, cols, Sim.Random.Stream($"devices/variation/{path}").AsSystemRandom(), Sim.Random.Stream($"devices/faults/{path}").AsSystemRandom());

    private static void CheckArrays(ChipSpec spec, AnalogRule rule)
    {
        int perBlock = rule.UsesFastArray ? 3 : 1;
        long needed = spec.Network.WeightShapes().Sum(s => (long)Ceil(s.Inputs, spec.Array.Rows) * Ceil(s.Outputs, spec.Array.Cols)) * perBlock;
        if (needed > spec.Tiles.PhysicalArrays)
        {
            throw new ArgumentException(
                $"{spec.File}: training needs {needed} physical {spec.Array.Rows}x{spec.Array.Cols} arrays ({perBlock} per weight block: " +
                $"{(rule.UsesFastArray ? "C, the fast array A and A's reference" : "C")}) but the chip has {spec.Tiles.PhysicalArrays} (tiles.count x tiles.arrays_per_tile)");
        }
    }

    private static int Ceil(int value, int size) => (value + size - 1) / size;
}
