using Engram.Components.Arch;
using Engram.Models.Devices;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using Engram.Sim.Random;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A chip builds its device arrays in parallel, each sampling on demand from replays of its own named streams; its
/// devices must be those of arrays built one after another from the streams themselves, before and after programming.
/// </summary>
public class ParallelBuildTests
{
    private const ulong Seed = 11;

    [Fact]
    public void Parallel_build_and_programming_give_the_devices_of_a_serial_build_from_the_named_streams()
    {
        var spec = ChipLoader.Load(Path.Combine(RepoPaths.Chips, "tiled-256.yaml"));
        var chip = new ChipModel(spec, Seed);
        var streams = new RandomStreams(Seed);
        var layer = chip.Layers[0];
        var serial = layer.Macros().Select(macro => macro.Crossbar.Arrays.Select((a, k) => new DeviceArray(spec.Device.Card, a.Rows, a.Cols,
            streams.Stream($"devices/variation/{macro.Path}/{(k == 0 ? "plus" : "minus")}").AsSystemRandom(),
            streams.Stream($"devices/faults/{macro.Path}/{(k == 0 ? "plus" : "minus")}").AsSystemRandom())).ToArray()).ToList();
        Assert.Equal(4, layer.Macros().Count());
        AssertSame(layer.Macros().Select(m => m.Crossbar.Arrays.ToArray()).ToList(), serial);
        Assert.Contains(serial, arrays => arrays.Any(a => a.StuckCount > 0));

        var weights = new HebbRule().Learn(RandomPatterns.Binary(3, spec.Network.Neurons, new Random(4)));
        chip.Program(0, weights);
        var programming = streams.Stream("devices/programming/L0").AsSystemRandom();
        var targets = layer.Targets(weights);
        for (int m = 0; m < targets.Count; m++)
        {
            for (int k = 0; k < serial[m].Length; k++)
            {
                DeviceProgramming.SetConductances(serial[m][k], targets[m].Targets[k], programming);
            }
        }

        AssertSame(layer.Macros().Select(m => m.Crossbar.Arrays.ToArray()).ToList(), serial);
        Assert.All(layer.Macros(), m => Assert.All(m.Crossbar.Arrays, a => Assert.False(a.ResponseSampled)));

        // The arrays were written in parallel from copies of the programming stream; the stream itself must be left
        // where the serial pass leaves it (a second programming continues from there).
        Assert.Equal(programming.NextDouble(), chip.Sim.Random.Stream("devices/programming/L0").NextDouble());
        chip.Program(0, weights);
        for (int m = 0; m < targets.Count; m++)
        {
            for (int k = 0; k < serial[m].Length; k++)
            {
                DeviceProgramming.SetConductances(serial[m][k], targets[m].Targets[k], programming);
            }
        }

        AssertSame(layer.Macros().Select(m => m.Crossbar.Arrays.ToArray()).ToList(), serial);
        Assert.Equal(programming.NextDouble(), chip.Sim.Random.Stream("devices/programming/L0").NextDouble());
    }

    private static void AssertSame(List<DeviceArray[]> built, List<DeviceArray[]> serial)
    {
        Assert.Equal(serial.Count, built.Count);
        for (int m = 0; m < serial.Count; m++)
        {
            for (int k = 0; k < serial[m].Length; k++)
            {
                // The chip keeps single precision (a recall array); the serial arrays the double values it rounds.
                Assert.Equal(Cells(serial[m][k]).Select(g => (double)(float)g), Cells(built[m][k]));
                Assert.Equal(serial[m][k].StuckCount, built[m][k].StuckCount);
            }
        }
    }

    private static double[] Cells(DeviceArray array) => [.. Enumerable.Range(0, array.CellCount).Select(array.ConductanceAt)];
}
