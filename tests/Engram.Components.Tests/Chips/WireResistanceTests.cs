using Engram.Components.Arch;
using Engram.Components.Blocks.Adc;
using Engram.Models.Devices.Wires;
using Engram.Models.Learning;
using Engram.Models.Patterns;
using ChipModel = Engram.Components.Chips.Chip;

namespace Engram.Components.Tests.Chips;

/// <summary>Arrays with resistive wires read through the solved network: lower column currents, and an I²R loss charged per read.</summary>
public class WireResistanceTests
{
    [Fact]
    public void A_wired_chip_reads_the_network_currents_and_charges_their_wire_loss()
    {
        var ideal = TestChips.Ideal(8, 8, 8, costs: []);
        var wired = ideal with { Array = ideal.Array with { WireResistanceOhm = 50, DriverResistanceOhm = 200, SenseResistanceOhm = 100 } };
        var weights = new HebbRule().Learn(RandomPatterns.Binary(3, 8, new Random(6)));
        var input = RandomPatterns.Binary(1, 8, new Random(8))[0];
        var chip = new ChipModel(wired, 1);
        chip.Program(0, weights);
        var output = new double[8];
        chip.Forward(0, input, output);

        // The same network solved here from the programmed conductances (the ideal card has no read noise).
        var layer = chip.Layers[0];
        var arrays = layer.Macro(0, 0).Crossbar.Arrays;
        double readV = layer.Scale.ReadVoltageV;
        var v = input.Select(x => x * readV).ToArray();
        var currents = new double[2][];
        double wireW = 0;
        for (int k = 0; k < 2; k++)
        {
            var network = new WireNetwork(8, 8, 50, 50, 200, 100);
            currents[k] = new double[8];
            network.Solve(v, Enumerable.Range(0, arrays[k].CellCount).Select(arrays[k].ConductanceAt).ToArray(), currents[k]);
            wireW += network.WirePowerW(v);
        }

        double step = layer.Scale.CodeStepA;
        for (int o = 0; o < 8; o++)
        {
            int code = MidriseQuantizer.Quantize(currents[0][o] - currents[1][o], step, 5);
            Assert.Equal(code * step / (readV * layer.Scale.SiemensPerWeight), output[o], 12);
        }

        var loss = chip.Ledger.Breakdown().Single(r => r.Action == "wire_loss");
        Assert.Equal(1, loss.EnergyJ / (wireW * 1_000 * 1e-12), 9);

        // Against the ideal chip the wires only take current away.
        var plain = new ChipModel(ideal, 1);
        plain.Program(0, weights);
        var idealOutput = new double[8];
        plain.Forward(0, input, idealOutput);
        Assert.All(Enumerable.Range(0, 8), o => Assert.True(Math.Abs(output[o]) <= Math.Abs(idealOutput[o]) + 1e-12));
        Assert.DoesNotContain(plain.Ledger.Breakdown(), r => r.Action == "wire_loss");
    }

    [Fact]
    public void Driver_and_sense_resistance_need_wires()
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"))
            .Replace("    cols: 64 ", "    cols: 64\n    driver_resistance_ohm: 100 ", StringComparison.Ordinal);
        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "w.yaml"), yaml));
        Assert.Equal("tiles.array.wire_resistance_ohm", e.KeyPath);
        var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "w.yaml"), yaml.Replace("driver_resistance_ohm: 100", "wire_resistance_ohm: 1\n    driver_resistance_ohm: 100", StringComparison.Ordinal));
        Assert.Equal(1, spec.Array.WireResistanceOhm);
    }
}
