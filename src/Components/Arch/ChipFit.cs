using Engram.Components.Blocks.Crossbar;

namespace Engram.Components.Arch;

/// <summary>
/// How a network lands on a chip's arrays, and what the simulator will allocate for it: weight blocks
/// (one array-sized tile of a weight matrix), physical arrays (×2 for differential mapping), device cells,
/// and an estimate of the bytes the <c>DeviceArray</c>s of those cells take.
/// </summary>
/// <param name="Blocks">Array-sized blocks of the weight matrices: ⌈N/rows⌉·⌈N/cols⌉ for one layer,
/// ⌈N/rows⌉·⌈H/cols⌉ + ⌈H/rows⌉·⌈N/cols⌉ for N→H→N.</param>
/// <param name="ArraysPerBlock">Physical arrays per block: 2 for differential mapping, 1 for a reference column.</param>
/// <param name="PhysicalArraysNeeded"><paramref name="Blocks"/> × <paramref name="ArraysPerBlock"/>.</param>
/// <param name="PhysicalArraysAvailable">tiles.count × tiles.arrays_per_tile.</param>
/// <param name="Cells">Device cells in the needed arrays.</param>
/// <param name="EstimatedBytes">Cells × <see cref="BytesPerCell"/> + per-array read scratch (8 B per column).</param>
public sealed record ChipFit(
    long Blocks,
    int ArraysPerBlock,
    long PhysicalArraysNeeded,
    long PhysicalArraysAvailable,
    long Cells,
    long EstimatedBytes)
{
    /// <summary>
    /// Upper bound of the per-cell state of one simulated device, summed over the per-cell arrays that
    /// <c>Engram.Models.Devices</c> allocates for a <c>DeviceArray</c> of n cells:
    /// DeviceArray conductance, persistent conductance (with write noise), drift age and drift exponent
    /// (4 × 8 B double) + stuck kind (1 B); FaultMap uniform, kind and value draws (3 × 8 B);
    /// PulsedDeviceSamples max/min bound and dw_min up/down (4 × 8 B) + corrupt flag (1 B);
    /// the model-specific pair of LinearStep/PowStep (2 × 8 B). 33 + 24 + 33 + 16 = 106 B.
    /// Object headers and the training-only pulse counters are not counted.
    /// </summary>
    public const int BytesPerCell = 106;

    public bool Fits => PhysicalArraysNeeded <= PhysicalArraysAvailable;

    public static ChipFit Of(ChipSpec spec) => Of(spec.Network, spec.Array, spec.Tiles, spec.Device.Mapping);

    public static ChipFit Of(NetworkSpec network, ArraySpec array, TilesSpec tiles, IWeightMapping mapping)
    {
        long blocks = network.WeightShapes().Sum(s => Ceil(s.Inputs, array.Rows) * Ceil(s.Outputs, array.Cols));
        int perBlock = mapping.ArraysPerBlock;
        long arrays = blocks * perBlock;

        // Absurd sizes saturate instead of wrapping, so the memory check still says "too large".
        long cells = Saturating(() => checked(arrays * array.Cells));
        long bytes = Saturating(() => checked((cells * BytesPerCell) + (arrays * array.Cols * sizeof(double))));
        return new ChipFit(blocks, perBlock, arrays, tiles.PhysicalArrays, cells, bytes);
    }

    private static long Ceil(long value, long size) => (value + size - 1) / size;

    private static long Saturating(Func<long> product)
    {
        try
        {
            return product();
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }
}
