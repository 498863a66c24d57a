using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Digital;
using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Models.Devices.Wires;
using Engram.Sim.Core;
using Engram.Sim.Random;
using Engram.Sim.Resources;

namespace Engram.Components.Chips;

/// <summary>
/// Builds a chip's layers on its simulation: per layer its macros (device arrays from named streams, one
/// converter resource per array), its ledger components, and the leakage of its shift-add units.
/// </summary>
internal static class ChipBuilder
{
    public static Layer BuildLayer(ChipSpec spec, LayerShape shape, ChipBlocks blocks, Simulation sim, EnergyLedger ledger)
    {
        int rows = spec.Array.Rows, cols = spec.Array.Cols, index = shape.Index;
        var card = spec.Device.Card;
        var mapping = spec.Device.Mapping;
        var macros = new Macro[shape.RowBlocks, shape.ColBlocks];
        var devices = BuildArrays(spec, shape, sim.Random);
        int perBlock = spec.Device.Mapping.ArraysPerBlock;
        // Column block by column block, as the bit lines: a one-column read of every row block takes them in one run.
        var kept = new KeptArrayPowers(shape.RowBlocks * shape.ColBlocks * perBlock);
        for (int rb = 0; rb < shape.RowBlocks; rb++)
        {
            for (int cb = 0; cb < shape.ColBlocks; cb++)
            {
                string path = Macro.PathOf(index, rb, cb);
                var arrays = devices[(rb * shape.ColBlocks) + cb];
                var a = spec.Array;
                var wires = a.HasWires
                    ? arrays.Select(d => new WiredRead(new WireNetwork(rows, cols, a.WireResistanceOhm, a.WireResistanceOhm, a.DriverResistanceOhm, a.SenseResistanceOhm), d.CellCount)).ToArray()
                    : null;
                var crossbar = new CrossbarArray(rb, cb, rb * rows, cb * cols, arrays, mapping, wires, kept, ((cb * shape.RowBlocks) + rb) * perBlock);
                macros[rb, cb] = new Macro(path, crossbar, new Resource(sim, blocks.Adcs.PerArray, $"{path}/{BlockKinds.Adc}"),
                    ledger.Component($"{path}/{BlockKinds.Crossbar}"), ledger.Component($"{path}/{BlockKinds.RowDriver}"),
                    ledger.Component($"{path}/{BlockKinds.Adc}"), ledger.Component($"{path}/{BlockKinds.Programmer}"));
            }
        }

        var components = new LayerComponents(
            ledger.Component($"L{index}/{BlockKinds.ShiftAdd}"),
            ledger.Component($"L{index}/{BlockKinds.AdderTree}"),
            ledger.Component($"L{index}/{BlockKinds.Interconnect}"),
            ledger.Component($"L{index}/broadcast/{BlockKinds.RowDriver}"),
            ledger.Component($"L{index}/broadcast/{BlockKinds.Crossbar}"));
        if (blocks.Adcs.Adc.LeakageW > 0)
        {
            foreach (var macro in macros)
            {
                ledger.AddStaticPower(macro.AdcComponent, blocks.Adcs.PerArray * blocks.Adcs.Adc.LeakageW);
            }
        }

        int shiftAdds = ShiftAddUnit.UnitsOf(spec, shape.RowBlocks * shape.ColBlocks, blocks.Adcs.PerArray);
        if (shiftAdds > 0)
        {
            ledger.AddStaticPower(components.ShiftAdd, shiftAdds * blocks.ShiftAdd.LeakageW);
        }

        var scale = new LayerScale(mapping, card, rows, spec.Periphery.AdcBits, spec.Periphery.FullScaleFractionOf(index));
        return new Layer(index, shape.Inputs, shape.Outputs, macros, scale, blocks.ForLayer(shape), components);
    }

    /// <summary>
    /// The device arrays of every block of a layer (row-major over blocks), built in parallel: each depends only on its
    /// own named streams, which it replays from their start when it needs them, so the thread count changes nothing.
    /// The arrays of one column block and mapping position share their bit lines' buffer (<see cref="InterleavedBitLines"/>),
    /// row block by row block: an asynchronous update reads one bit line of each of them.
    /// </summary>
    private static DeviceArray[][] BuildArrays(ChipSpec spec, LayerShape shape, RandomStreams streams)
    {
        int rows = spec.Array.Rows, cols = spec.Array.Cols, perBlock = spec.Device.Mapping.ArraysPerBlock;
        var card = spec.Device.Card;
        var devices = new DeviceArray[shape.RowBlocks * shape.ColBlocks][];
        for (int b = 0; b < devices.Length; b++)
        {
            devices[b] = new DeviceArray[perBlock];
        }

        var bitLines = new InterleavedBitLines[shape.ColBlocks * perBlock];
        for (int i = 0; i < bitLines.Length; i++)
        {
            bitLines[i] = new InterleavedBitLines(shape.RowBlocks, rows, cols);
        }

        Parallel.For(0, devices.Length * perBlock, j =>
        {
            int b = j / perBlock, k = j % perBlock;
            int rowBlock = b / shape.ColBlocks, colBlock = b % shape.ColBlocks;
            string path = Macro.PathOf(shape.Index, rowBlock, colBlock);
            // The first two arrays keep the names of a differential pair, so device draws do not depend on the mapping's type.
            string which = k switch { 0 => "plus", 1 => "minus", _ => $"array{k}" };
            string variation = $"devices/variation/{path}/{which}", faults = $"devices/faults/{path}/{which}";
            devices[b][k] = new DeviceArray(card, rows, cols,
                () => new DeviceStreamRandom(streams.Fresh(variation)),
                () => new DeviceStreamRandom(streams.Fresh(faults)),
                place: new BitLinePlace(bitLines[(colBlock * perBlock) + k], rowBlock));
        });
        return devices;
    }
}
