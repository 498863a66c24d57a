using Engram.Models.Learning;
using System.Numerics.Tensors;
using Engram.Components.Blocks.Adc;
using Engram.Components.Blocks.Digital;
using Engram.Components.Blocks.Drivers;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// One weight matrix (outputs × inputs) of the network in hardware: array-sized <see cref="Macro"/>s (block
/// (rb, cb) holds inputs rb·rows… on its word lines and outputs cb·cols… on its bit lines), the shift-add units
/// of bit-serial inputs, and the interconnect and adder trees that add the partial sums of several row blocks.
/// Its blocks' figures are shared with the chip; its own state is the programmed weight scale.
/// </summary>
public sealed class Layer
{
    private readonly Macro[,] _macros;

    internal Layer(int index, int inputs, int outputs, Macro[,] macros, LayerScale scale, LayerBlocks blocks, LayerComponents components)
    {
        Index = index;
        Inputs = inputs;
        Outputs = outputs;
        _macros = macros;
        RowBlocks = macros.GetLength(0);
        ColBlocks = macros.GetLength(1);
        Scale = scale;
        Blocks = blocks;
        Components = components;
        ArrayCols = macros[0, 0].Crossbar.Cols;
    }

    public int Index { get; }

    public int Inputs { get; }

    public int Outputs { get; }

    public int RowBlocks { get; }

    public int ColBlocks { get; }

    public int ArrayCols { get; }

    public LayerScale Scale { get; }

    internal LayerBlocks Blocks { get; }

    internal LayerComponents Components { get; }

    public Macro Macro(int rowBlock, int colBlock) => _macros[rowBlock, colBlock];

    public IEnumerable<Macro> Macros()
    {
        for (int rb = 0; rb < RowBlocks; rb++)
        {
            for (int cb = 0; cb < ColBlocks; cb++)
            {
                yield return _macros[rb, cb];
            }
        }
    }

    /// <summary>Word-line voltages of a macro for one input plane (values in [−1, 1], scaled by the read voltage).</summary>
    public void Drive(Macro macro, ReadOnlySpan<double> plane) => Drive(macro.Crossbar.RowStart, plane, macro.Crossbar.VoltagesV);

    /// <summary>Word-line voltages of the arrays whose first row is input <paramref name="start"/>, into <paramref name="v"/> (one per row).</summary>
    public void Drive(int start, ReadOnlySpan<double> plane, Span<double> v)
    {
        double readV = Scale.ReadVoltageV;
        int driven = Math.Clamp(Inputs - start, 0, v.Length);
        if (driven > 0)
        {
            TensorPrimitives.Multiply(plane.Slice(start, driven), readV, v[..driven]);
        }

        v[driven..].Clear();
    }

    /// <summary>
    /// Target conductances of every macro's arrays for <paramref name="weights"/> (row-major outputs × inputs;
    /// W[o, i] sits on word line i, bit line o), and sets the weight scale: max|W|, or <paramref name="weightMax"/>
    /// when given (training rewrites the layer every epoch and must not rescale every conductance when max|W| moves).
    /// </summary>
    public List<(Macro Macro, double[][] Targets)> Targets(ReadOnlySpan<double> weights, double? weightMax = null)
    {
        SetWeightScale(weights, weightMax);
        var result = new List<(Macro, double[][])>();
        foreach (var macro in Macros())
        {
            var targets = macro.Crossbar.Arrays.Select(a => new double[a.CellCount]).ToArray();
            FillTargets(macro, weights, targets);
            result.Add((macro, targets));
        }

        return result;
    }

    /// <summary>Sets the weight scale for <paramref name="weights"/> as <see cref="Targets"/> does, before any macro's targets are taken.</summary>
    public void SetWeightScale(ReadOnlySpan<double> weights, double? weightMax = null)
    {
        if (weights.Length != Inputs * Outputs)
        {
            throw new ArgumentException($"layer {Index} needs {Outputs}x{Inputs} weights, got {weights.Length}", nameof(weights));
        }

        double max = weights.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(weights));
        Scale.SetWeightMax(weightMax ?? (max > 0 ? max : 1));
    }

    /// <summary>Target conductances of one macro's arrays (one row-major buffer per array) at the current weight scale.</summary>
    public void FillTargets(Macro macro, ReadOnlySpan<double> weights, double[][] targets) =>
        FillTargets(macro, new DenseWeights(weights, Inputs), targets);

    /// <summary>Sets the weight scale for <paramref name="weights"/>, read entry by entry (see <see cref="IWeightMatrix"/>).</summary>
    public void SetWeightScale(IWeightMatrix weights)
    {
        if (weights.Outputs != Outputs || weights.Inputs != Inputs)
        {
            throw new ArgumentException($"layer {Index} needs {Outputs}x{Inputs} weights, got {weights.Outputs}x{weights.Inputs}", nameof(weights));
        }

        double max = weights.MaxMagnitude;
        Scale.SetWeightMax(max > 0 ? max : 1);
    }

    /// <summary>Target conductances of one macro's arrays from weights read through <typeparamref name="TWeights"/>.</summary>
    internal void FillTargets<TWeights>(Macro macro, TWeights weights, double[][] targets)
        where TWeights : IWeightEntries, allows ref struct
    {
        var codec = Scale.Codec;
        double wMax = Scale.WeightMax;
        var crossbar = macro.Crossbar;
        Span<double> perArray = stackalloc double[targets.Length];
        for (int r = 0; r < crossbar.Rows; r++)
        {
            for (int c = 0; c < crossbar.Cols; c++)
            {
                int input = crossbar.RowStart + r, output = crossbar.ColStart + c;
                double w = input < Inputs && output < Outputs ? Math.Clamp(weights.At(output, input), -wMax, wMax) : 0;
                codec.Targets(w, perArray);
                int cell = crossbar.Arrays[0].CellIndex(r, c);
                for (int k = 0; k < targets.Length; k++)
                {
                    targets[k][cell] = perArray[k];
                }
            }
        }
    }

    /// <summary>W[output, input] of a layer, dense or read entry by entry, without boxing a span.</summary>
    internal interface IWeightEntries
    {
        double At(int output, int input);
    }

    internal readonly ref struct DenseWeights(ReadOnlySpan<double> weights, int inputs) : IWeightEntries
    {
        private readonly ReadOnlySpan<double> _weights = weights;

        public double At(int output, int input) => _weights[(output * inputs) + input];
    }

    /// <summary>A dense row-major copy of the weights (outputs × inputs), readable from several threads.</summary>
    internal readonly struct ArrayWeights(double[] weights, int inputs) : IWeightEntries
    {
        public double At(int output, int input) => weights[(output * inputs) + input];
    }

    internal readonly struct MatrixWeights(IWeightMatrix weights) : IWeightEntries
    {
        public double At(int output, int input) => weights[output, input];
    }

    /// <summary>Whether every device holding weight (output, input) can be programmed (none is stuck).</summary>
    public bool Programmable(int output, int input)
    {
        var crossbar = _macros[input / Macro(0, 0).Crossbar.Rows, output / ArrayCols].Crossbar;
        int r = input - crossbar.RowStart, c = output - crossbar.ColStart;
        foreach (var array in crossbar.Arrays)
        {
            if (array.IsStuck(r, c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The blocks whose figures a layer's datapath charges (shared by every layer of a chip, except the adder tree).</summary>
internal sealed record LayerBlocks(CrossbarCells Cells, RowDriverBank Drivers, AdcBank Adcs, ShiftAddUnit ShiftAdd, AdderTree Tree, InterconnectLink Link);

/// <summary>Ledger components of a layer's own blocks: <c>L{l}/shift_add</c>, <c>L{l}/adder_tree</c>, <c>L{l}/interconnect</c> and the broadcast aggregates.</summary>
internal sealed record LayerComponents(int ShiftAdd, int AdderTree, int Interconnect, int BroadcastRowDriver, int BroadcastCrossbar);
