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
        new("tiles.array.wire_resistance_ohm", "Ω", "≥ 0", "`0`", "row and column wire resistance per cell segment; > 0 solves each read as a resistive network (IR drop)"),
        new("tiles.array.driver_resistance_ohm", "Ω", "≥ 0", "`0`", "output resistance of a row driver (needs wire resistance > 0)"),
        new("tiles.array.sense_resistance_ohm", "Ω", "≥ 0", "`0`", "input resistance of a column's sense path (needs wire resistance > 0)"),
    ];

    public long PhysicalArrays => (long)Count * ArraysPerTile;

    public static (TilesSpec Tiles, ArraySpec Array) Read(ArchMap map)
    {
        map.EnsureOnlyKeys("count", "arrays_per_tile", "array");
        int count = map.RequireInt("count", 1);
        int perTile = map.RequireInt("arrays_per_tile", 1);
        var arrayMap = map.RequireMap("array");
        arrayMap.EnsureOnlyKeys("rows", "cols", "wire_resistance_ohm", "driver_resistance_ohm", "sense_resistance_ohm");
        var array = new ArraySpec(arrayMap.RequireInt("rows", 1, 4096), arrayMap.RequireInt("cols", 1, 4096))
        {
            WireResistanceOhm = arrayMap.OptionalDouble("wire_resistance_ohm", 0, 0, 1e6),
            DriverResistanceOhm = arrayMap.OptionalDouble("driver_resistance_ohm", 0, 0, 1e9),
            SenseResistanceOhm = arrayMap.OptionalDouble("sense_resistance_ohm", 0, 0, 1e9),
        };
        arrayMap.EnsureNoUnknownKeys();
        if (!array.HasWires && (array.DriverResistanceOhm > 0 || array.SenseResistanceOhm > 0))
        {
            throw arrayMap.ErrorAt("wire_resistance_ohm", "driver and sense resistances are solved with the wires: set wire_resistance_ohm > 0");
        }
        map.EnsureNoUnknownKeys();
        return (new TilesSpec(count, perTile), array);
    }
}
