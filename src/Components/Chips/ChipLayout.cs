using Engram.Components.Arch;

namespace Engram.Components.Chips;

/// <summary>One weight matrix of the network as it lands on array-sized blocks.</summary>
public readonly record struct LayerShape(int Index, int Inputs, int Outputs, int RowBlocks, int ColBlocks);

/// <summary>
/// Where a chip's parts are and how large they are, from its description alone (no device arrays): the layer
/// shapes and the area of every component path. The chip builds on it; <c>engram area</c> reads it directly.
/// </summary>
public static class ChipLayout
{
    public static IReadOnlyList<LayerShape> Layers(ChipSpec spec)
    {
        int n = spec.Network.Neurons;
        var shapes = spec.Network.Kind == NetworkKind.Multilayer
            ? new[] { (Inputs: n, Outputs: spec.Network.Hidden), (Inputs: spec.Network.Hidden, Outputs: n) }
            : new[] { (Inputs: n, Outputs: n) };
        return shapes.Select((s, l) => new LayerShape(l, s.Inputs, s.Outputs, Ceil(s.Inputs, spec.Array.Rows), Ceil(s.Outputs, spec.Array.Cols))).ToList();
    }

    /// <summary>ADCs per block: the columns divided by the columns each ADC serves.</summary>
    public static int AdcsPerBlock(ChipSpec spec) => spec.Array.Cols / spec.Periphery.ColumnsPerAdc;

    /// <summary>Shift-add units of a layer (one per ADC) when inputs are bit-serial, else none.</summary>
    public static int ShiftAddUnits(ChipSpec spec, LayerShape layer) =>
        spec.Periphery.DacBits > 1 ? layer.RowBlocks * layer.ColBlocks * AdcsPerBlock(spec) : 0;

    public static string BlockPath(int layer, int rowBlock, int colBlock) => $"L{layer}/b{rowBlock}.{colBlock}";

    /// <summary>Area per component path (µm²), the same paths the ledger charges.</summary>
    public static Dictionary<string, double> AreaUm2(ChipSpec spec, ChipCosts costs)
    {
        var area = new Dictionary<string, double>(StringComparer.Ordinal);
        int rows = spec.Array.Rows, cols = spec.Array.Cols;
        bool differential = spec.Device.Mapping == WeightMapping.Differential;
        int arrays = differential ? 2 : 1;
        foreach (var layer in Layers(spec))
        {
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                for (int cb = 0; cb < layer.ColBlocks; cb++)
                {
                    string path = BlockPath(layer.Index, rb, cb);

                    // A reference-column block carries one extra column of cells at the reference conductance.
                    area[$"{path}/cells"] = arrays * (long)rows * (cols + (differential ? 0 : 1)) * costs.CellAreaUm2;
                    area[$"{path}/row_drivers"] = arrays * rows * costs.RowDriverAreaUm2;
                    area[$"{path}/adcs"] = AdcsPerBlock(spec) * costs.AdcAreaUm2;
                }
            }

            if (layer.RowBlocks > 1)
            {
                area[$"L{layer.Index}/accumulators"] = layer.Outputs * costs.AdderTreeAreaUm2(layer.RowBlocks);
            }

            if (ShiftAddUnits(spec, layer) > 0)
            {
                area[$"L{layer.Index}/shift_add"] = ShiftAddUnits(spec, layer) * costs.ShiftAddAreaUm2;
            }
        }

        int n = spec.Network.Neurons;
        area["neurons"] = n * costs.NeuronAreaUm2;
        area["state_register"] = n * spec.Periphery.StateRegisterBits * costs.RegisterBitAreaUm2;
        area["controller"] = spec.Controller.AreaUm2;
        return area;
    }

    private static int Ceil(int value, int size) => (value + size - 1) / size;
}
