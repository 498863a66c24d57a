namespace Engram.Components.Arch;

/// <summary><c>tiles</c>: how many tiles and physical arrays per tile the chip has, and the size of one array.</summary>
public sealed record TilesSpec(int Count, int ArraysPerTile)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("tiles.count", "—", "≥ 1", "—", "tiles"),
        new("tiles.arrays_per_tile", "—", "≥ 1", "—", "physical arrays per tile (a differential pair uses two)"),
        new("tiles.array.rows", "cells", "[1, 4096]", "—", "word lines of one crossbar"),
        new("tiles.array.cols", "cells", "[1, 4096]", "—", "bit lines of one crossbar"),
    ];

    public long PhysicalArrays => (long)Count * ArraysPerTile;

    public static (TilesSpec Tiles, ArraySpec Array) Read(ArchMap map)
    {
        map.EnsureOnlyKeys("count", "arrays_per_tile", "array");
        int count = map.RequireInt("count", 1);
        int perTile = map.RequireInt("arrays_per_tile", 1);
        var arrayMap = map.RequireMap("array");
        arrayMap.EnsureOnlyKeys("rows", "cols");
        var array = new ArraySpec(arrayMap.RequireInt("rows", 1, 4096), arrayMap.RequireInt("cols", 1, 4096));
        arrayMap.EnsureNoUnknownKeys();
        map.EnsureNoUnknownKeys();
        return (new TilesSpec(count, perTile), array);
    }
}
