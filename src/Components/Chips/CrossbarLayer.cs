using System.Numerics.Tensors;
using Engram.Components.Arch;
using Engram.Models.Devices;

namespace Engram.Components.Chips;

/// <summary>
/// One weight matrix (outputs × inputs) of the network laid over array-sized blocks: block (rb, cb) holds
/// inputs rb·rows… on its word lines and outputs cb·cols… on its bit lines. Partial sums of the blocks of one
/// output column are converted by each block's ADCs and added digitally.
/// </summary>
public sealed class CrossbarLayer
{
    private readonly CrossbarBlock[,] _blocks;

    internal CrossbarLayer(int index, int inputs, int outputs, CrossbarBlock[,] blocks, ChipSpec spec)
    {
        Index = index;
        Inputs = inputs;
        Outputs = outputs;
        _blocks = blocks;
        RowBlocks = blocks.GetLength(0);
        ColBlocks = blocks.GetLength(1);
        Card = spec.Device.Card;
        Mapping = spec.Device.Mapping;
        ArrayRows = spec.Array.Rows;
        ArrayCols = spec.Array.Cols;
        AdcBits = spec.Periphery.AdcBits;
        FullScaleFraction = spec.Periphery.FullScaleFractionOf(index);
        ReadVoltageV = Card.ReadVoltageV;
    }

    public int Index { get; }

    public int Inputs { get; }

    public int Outputs { get; }

    public int RowBlocks { get; }

    public int ColBlocks { get; }

    public int ArrayRows { get; }

    public int ArrayCols { get; }

    public int AdcBits { get; }

    public double FullScaleFraction { get; }

    public double ReadVoltageV { get; }

    public DeviceCard Card { get; }

    public WeightMapping Mapping { get; }

    /// <summary>Largest |weight| the conductance range represents (set when programming).</summary>
    public double WeightMax { get; private set; } = 1;

    // The mapping that programmed the layer also decodes its currents: one definition of the W ↔ G scale.
    private DifferentialMapping? _differential;
    private ReferenceColumnMapping? _reference;

    /// <summary>Conductance difference per unit weight (S).</summary>
    public double SiemensPerWeight => Mapping == WeightMapping.Differential
        ? (_differential ??= new DifferentialMapping(Card, WeightMax)).ScaleSPerWeight
        : (_reference ??= new ReferenceColumnMapping(Card, WeightMax)).ScaleSPerWeight;

    /// <summary>
    /// ADC full scale: a fraction (<see cref="PeripherySpec.AdcFullScaleFraction"/>) of the largest differential
    /// current a block column can carry (every driven row at the extreme weight); one code step is full scale /
    /// 2^(B−1), and larger currents clip to the top code.
    /// </summary>
    public double CodeStepA => FullScaleFraction * ReadVoltageV * SiemensPerWeight * WeightMax * ArrayRows / (1 << (AdcBits - 1));

    public CrossbarBlock Block(int rowBlock, int colBlock) => _blocks[rowBlock, colBlock];

    public IEnumerable<CrossbarBlock> Blocks()
    {
        for (int rb = 0; rb < RowBlocks; rb++)
        {
            for (int cb = 0; cb < ColBlocks; cb++)
            {
                yield return _blocks[rb, cb];
            }
        }
    }

    /// <summary>
    /// Programs weights (row-major outputs × inputs; W[o, i] sits on word line i, bit line o) through the
    /// device model: set-to-target with programming noise and quantization; stuck cells do not move.
    /// Returns the number of cells that could not be programmed (stuck).
    /// </summary>
    public int Program(ReadOnlySpan<double> weights, Random rng)
    {
        int stuck = 0;
        foreach (var (block, plus, minus) in Targets(weights))
        {
            stuck += block.Plus.CellCount - DeviceProgramming.SetConductances(block.Plus, plus, rng);
            if (block.Minus is not null)
            {
                stuck += block.Minus.CellCount - DeviceProgramming.SetConductances(block.Minus, minus, rng);
            }

            block.RefreshRowSums();
        }

        return stuck;
    }

    /// <summary>
    /// Target conductances of every block for <paramref name="weights"/> (sets <see cref="WeightMax"/>): G⁺/G⁻ for a
    /// differential block, G against the reference for a reference-column block (its minus targets are unused).
    /// </summary>
    /// <param name="weightMax">Fix the weight scale (weights beyond it clip to the conductance range) instead of max|W|:
    /// training rewrites the layer every epoch and must not rescale every conductance when max|W| moves.</param>
    public List<(CrossbarBlock Block, double[] Plus, double[] Minus)> Targets(ReadOnlySpan<double> weights, double? weightMax = null)
    {
        if (weights.Length != Inputs * Outputs)
        {
            throw new ArgumentException($"layer {Index} needs {Outputs}x{Inputs} weights, got {weights.Length}", nameof(weights));
        }

        double max = weights.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(weights));

        WeightMax = weightMax ?? (max > 0 ? max : 1);
        _differential = Mapping == WeightMapping.Differential ? new DifferentialMapping(Card, WeightMax) : null;
        _reference = Mapping == WeightMapping.ReferenceColumn ? new ReferenceColumnMapping(Card, WeightMax) : null;
        var result = new List<(CrossbarBlock, double[], double[])>();
        foreach (var block in Blocks())
        {
            var plus = new double[block.Plus.CellCount];
            var minus = new double[block.Plus.CellCount];
            for (int r = 0; r < block.Rows; r++)
            {
                for (int c = 0; c < block.Cols; c++)
                {
                    int input = block.RowStart + r, output = block.ColStart + c;
                    double w = input < Inputs && output < Outputs ? Math.Clamp(weights[(output * Inputs) + input], -WeightMax, WeightMax) : 0;
                    int cell = block.Plus.CellIndex(r, c);
                    if (_differential is not null)
                    {
                        (plus[cell], minus[cell]) = _differential.ToConductances(w);
                    }
                    else
                    {
                        plus[cell] = _reference!.ToConductance(w);
                    }
                }
            }

            result.Add((block, plus, minus));
        }

        return result;
    }

    /// <summary>Word-line voltages of a block for one input plane (values in [−1, 1], scaled by the read voltage).</summary>
    public void Drive(CrossbarBlock block, ReadOnlySpan<double> plane)
    {
        var v = block.VoltagesV;
        for (int r = 0; r < v.Length; r++)
        {
            int input = block.RowStart + r;
            v[r] = input < Inputs ? plane[input] * ReadVoltageV : 0;
        }
    }

    /// <summary>Converts one column of a block: signed B-bit code of its differential current, back in weight·input units.</summary>
    public double Convert(CrossbarBlock block, int col)
    {
        double step = CodeStepA;
        double current = block.DifferentialCurrentA(col);
        int limit = (1 << (AdcBits - 1)) - 1;

        // A 1-bit converter is a comparator: it keeps only the sign of the current.
        int code = AdcBits == 1
            ? Math.Sign(current)
            : (int)Math.Clamp(Math.Round(current / step, MidpointRounding.AwayFromZero), -limit, limit);
        return code * step / (ReadVoltageV * SiemensPerWeight);
    }
}
