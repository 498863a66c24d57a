using Engram.Components.Blocks.Crossbar;
using Engram.Models.Devices;

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
/// <param name="EstimatedBytes">Cells × <paramref name="BytesPerCell"/> + per-array line state (<see cref="PerColumnBytes"/> per column, <see cref="PerRowBytes"/> per row).</param>
/// <param name="BytesPerCell">Per-cell state of the card's device arrays while they are only read (<see cref="BytesPerCellOf"/>).</param>
public sealed record ChipFit(
    long Blocks,
    int ArraysPerBlock,
    long PhysicalArraysNeeded,
    long PhysicalArraysAvailable,
    long Cells,
    long EstimatedBytes,
    int BytesPerCell)
{
    /// <summary>
    /// Per-cell bytes a chip's <c>DeviceArray</c> keeps while its devices are read or programmed set-to-target: the
    /// conductance (4 B: recall arrays keep single precision, see CellPrecision) and stuck kind (1 B); with write noise the persistent conductance (8 B); with drift the drift
    /// age and exponent (2 × 8 B) and the pulse parameters, which a drifting card samples at once (max/min bound and
    /// dw_min up/down, 4 × 8 B, corrupt flag 1 B, the LinearStep/PowStep pair 2 × 8 B: 49 B). An array that is pulsed
    /// (write-verify, training) samples those 49 B too; object headers and training-only counters are not counted.
    /// Without a card, every option is assumed.
    /// </summary>
    public static int BytesPerCellOf(DeviceCard? card)
    {
        const int read = 4 + 1, writeNoise = 8, drift = (2 * 8) + PulseParameterBytes;
        bool noisy = card is null || card.PulseResponse.WriteNoiseStd > 0;
        bool drifting = card is null || card.Drift is not null;
        return read + (noisy ? writeNoise : 0) + (drifting ? drift : 0);
    }

    /// <summary>Per column of an array: the read scratch (8 B) and the kept column sums of G and G² (2 × 8 B).</summary>
    public const int PerColumnBytes = 8 + (2 * 8);

    /// <summary>Per row of an array: its single-precision word-line voltages (4 B) and the per-row noise weights (8 B).</summary>
    public const int PerRowBytes = 4 + 8;

    /// <summary>The sampled pulse parameters per cell (see <see cref="BytesPerCellOf"/>).</summary>
    public const int PulseParameterBytes = (4 * 8) + 1 + (2 * 8);

    public bool Fits => PhysicalArraysNeeded <= PhysicalArraysAvailable;

    public static ChipFit Of(ChipSpec spec) => Of(spec.Network, spec.Array, spec.Tiles, spec.Device.Mapping, spec.Device.Card);

    /// <param name="card">The device card, for the per-cell bytes; null assumes a card with every per-cell option.</param>
    public static ChipFit Of(NetworkSpec network, ArraySpec array, TilesSpec tiles, IWeightMapping mapping, DeviceCard? card = null)
    {
        long blocks = network.WeightShapes().Sum(s => Ceil(s.Inputs, array.Rows) * Ceil(s.Outputs, array.Cols));
        int perBlock = mapping.ArraysPerBlock;
        long arrays = blocks * perBlock;

        // Absurd sizes saturate instead of wrapping, so the memory check still says "too large".
        long cells = Saturating(() => checked(arrays * array.Cells));
        int perCell = BytesPerCellOf(card);
        long bytes = Saturating(() => checked((cells * perCell) + (arrays * ((array.Cols * PerColumnBytes) + (array.Rows * PerRowBytes)))));
        return new ChipFit(blocks, perBlock, arrays, tiles.PhysicalArrays, cells, bytes, perCell);
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
