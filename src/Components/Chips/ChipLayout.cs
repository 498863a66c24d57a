using Engram.Components.Arch;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Digital;

namespace Engram.Components.Chips;

/// <summary>One weight matrix of the network as it lands on array-sized blocks.</summary>
public readonly record struct LayerShape(int Index, int Inputs, int Outputs, int RowBlocks, int ColBlocks);

/// <summary>
/// Where a chip's blocks are and how large they are, from its description alone (no device arrays): the layer
/// shapes and the area of every block instance by ledger path. Composites sum their children: a macro is its
/// crossbar, row drivers and ADCs; a layer its macros, shift-add units and adder trees; the chip its layers,
/// neurons, state register and controller.
/// </summary>
public static class ChipLayout
{
    public static IReadOnlyList<LayerShape> Layers(ChipSpec spec)
    {
        var shapes = spec.Network.WeightShapes();
        return [.. shapes.Select((s, l) => new LayerShape(l, s.Inputs, s.Outputs, Ceil(s.Inputs, spec.Array.Rows), Ceil(s.Outputs, spec.Array.Cols)))];
    }

    /// <summary>Area per block path (µm²), the same paths the ledger charges, in build order.</summary>
    public static Dictionary<string, double> AreaUm2(ChipSpec spec, ChipBlocks blocks)
    {
        var area = new Dictionary<string, double>(StringComparer.Ordinal);
        int rows = spec.Array.Rows, cols = spec.Array.Cols;
        var mapping = spec.Device.Mapping;
        int arrays = mapping.ArraysPerBlock;
        foreach (var layer in Layers(spec))
        {
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                for (int cb = 0; cb < layer.ColBlocks; cb++)
                {
                    string path = Macro.PathOf(layer.Index, rb, cb);

                    // A reference-column mapping carries extra columns of cells at the reference conductance.
                    area[$"{path}/crossbar"] = arrays * (long)rows * (cols + mapping.ReferenceColumns) * blocks.Cells.CellAreaUm2;
                    area[$"{path}/row_driver"] = arrays * rows * blocks.Drivers.AreaPerRowUm2;
                    area[$"{path}/adc"] = blocks.Adcs.PerArray * blocks.Adcs.AreaUm2;
                }
            }

            if (layer.RowBlocks > 1)
            {
                area[$"L{layer.Index}/adder_tree"] = layer.Outputs * blocks.Tree(layer.RowBlocks).AreaUm2;
            }

            int shiftAdds = ShiftAddUnit.UnitsOf(spec, layer.RowBlocks * layer.ColBlocks, blocks.Adcs.PerArray);
            if (shiftAdds > 0)
            {
                area[$"L{layer.Index}/shift_add"] = shiftAdds * blocks.ShiftAdd.AreaUm2;
            }
        }

        int n = spec.Network.Kind == NetworkKind.Mlp ? spec.Network.Widths.Skip(1).Sum() : spec.Network.Neurons;
        area["neuron"] = n * blocks.Neurons.AreaUm2;
        area["state_register"] = n * blocks.Register.BitsPerState * blocks.Register.AreaPerBitUm2;
        area["controller"] = blocks.Controller.AreaUm2;
        return area;
    }

    public static Dictionary<string, double> AreaUm2(ChipSpec spec) => AreaUm2(spec, new ChipBlocks(spec));

    private static int Ceil(int value, int size) => (value + size - 1) / size;
}
