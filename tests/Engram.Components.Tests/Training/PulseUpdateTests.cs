using Engram.Components.Arch;
using Engram.Components.Blocks.Training;
using Engram.Components.Ledger;
using Engram.Models.Devices;
using Engram.Sim.Core;

namespace Engram.Components.Tests.Training;

public class PulseUpdateTests
{
    private static DeviceCard IdealCard => DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "ideal.yaml"));

    /// <summary>
    /// With fixed BL and no update management both trains fire per slot with p = √(lr/(dw·BL))·|v|, so a cell gets
    /// n ~ Binomial(BL, q), q = p_x·p_d, and moves by −sign(x·d)·dw·n: mean −lr·x·d, variance dw²·BL·q(1 − q).
    /// </summary>
    [Theory]
    [InlineData(0.8, 0.5, 0.01, 10)]
    [InlineData(-0.3, 0.9, 0.02, 31)]
    [InlineData(0.6, -0.7, 0.004, 5)]
    public void Rank_one_update_has_the_mean_and_variance_of_its_Bernoulli_trains(double x, double d, double lr, int bl)
    {
        var card = IdealCard;
        double dw = card.PulseResponse.DwMin;
        var array = new DeviceArray(card, 1, 1, new Random(1), new Random(2));
        var updater = new StochasticPulseUpdater(1, 1, new UpdateParameters { DesiredBl = bl, UpdateBlManagement = false, UpdateManagement = false });
        var rng = new Random(7);
        const int draws = 40_000;
        double sum = 0, sumSquares = 0;
        for (int k = 0; k < draws; k++)
        {
            array.Fill(array.ToConductance(0));
            updater.Update(array, [x], [d], lr, rng);
            double delta = array.GetDeviceWeight(0, 0);
            sum += delta;
            sumSquares += delta * delta;
        }

        double mean = sum / draws;
        double variance = (sumSquares / draws) - (mean * mean);
        double p = Math.Sqrt(lr / (dw * bl));
        double q = p * Math.Abs(x) * p * Math.Abs(d);
        double expectedVariance = dw * dw * bl * q * (1 - q);
        double standardError = Math.Sqrt(expectedVariance / draws);
        Assert.InRange(mean, (-lr * x * d) - (3 * standardError), (-lr * x * d) + (3 * standardError));

        // The sample variance of n draws has a relative standard error of about √(2/n) (≈ 0.7 %); allow 5 %.
        Assert.InRange(variance, 0.95 * expectedVariance, 1.05 * expectedVariance);
    }

    /// <summary>
    /// lr = 2·dw with x = d = (1, 1) makes BL = ⌈lr·1·1/dw⌉ = 2 and both firing probabilities exactly 1: every line
    /// fires in both slots and each cell takes two down pulses. Nothing is half-selected. By hand: generators
    /// (2 + 2 lines)·2 slots, 4 row and 4 column drives, 4 cells × 2 pulses × V²·G·t at the cell's new conductance;
    /// time 2 pulse widths.
    /// </summary>
    [Fact]
    public void A_pulse_update_on_a_two_by_two_array_charges_the_hand_derived_energy_and_time()
    {
        var spec = TrainingChips.TwoByTwo();
        var sim = new Simulation(new SimulationOptions { Seed = 1 });
        var ledger = new EnergyLedger();
        var blocks = new TrainingBlocks(spec, sim, ledger);
        var card = spec.Device.Card;
        var devices = new DeviceArray(card, 2, 2, new Random(1), new Random(2));
        devices.Fill(devices.ToConductance(0));
        var tile = new AnalogTile("C", devices);
        var actions = new TileActions(tile, blocks, "T0/C", null, new Random(3));
        double dw = card.PulseResponse.DwMin;
        var updater = new StochasticPulseUpdater(2, 2, spec.Training!.Update);
        sim.Run(sim.Process(actions.PulseUpdate(updater, [1, 1], [1, 1], 2 * dw, new Random(4), null)));

        double g = devices.ToConductance(-2 * dw);
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 2; c++)
            {
                Assert.Equal(-2 * dw, devices.GetDeviceWeight(r, c), 12);
            }
        }

        const double voltageV = 1.0, widthS = 1e-9; // ideal.yaml write pulse
        double cellsJ = 4 * 2 * voltageV * voltageV * g * widthS;
        double generatorsJ = 4 * 2 * blocks.Generator.EnergyPerSlotJ;
        double drivesJ = (4 * blocks.Chip.Drivers.ActiveJ) + (4 * blocks.ColumnDrivers.ActiveJ);
        Assert.Equal(cellsJ + generatorsJ + drivesJ, ledger.TotalEnergyJ, 1e-24);
        Assert.Equal(cellsJ, ledger.ByKind()["crossbar"], 1e-24);
        Assert.Equal(generatorsJ, ledger.ByKind()["pulse_generator"], 1e-24);
        Assert.Equal(2 * 1_000, sim.Now);
        Assert.Equal(8, actions.LastPulses);
    }

    [Fact]
    public void The_transposed_read_of_an_ideal_array_is_the_transpose_product()
    {
        var spec = TrainingChips.TwoByTwo(("layers: [1, 2]", "layers: [5, 3]"));
        var devices = new DeviceArray(spec.Device.Card, 6, 3, new Random(1), new Random(2));
        var tile = new AnalogTile("C", devices);
        var rng = new Random(5);
        var w = Enumerable.Range(0, 18).Select(_ => (2 * rng.NextDouble()) - 1).ToArray();
        tile.Program(w, new Random(6));
        double[] d = [0.3, -0.8, 0.5];
        var z = new double[6];
        tile.Backward(d, z, new double[6], null);
        for (int r = 0; r < 6; r++)
        {
            double expected = 0;
            for (int c = 0; c < 3; c++)
            {
                expected += w[(r * 3) + c] * d[c];
            }

            Assert.Equal(expected, z[r], 12);
        }

        // Through the periphery (bit-serial DAC, converters) the error stays within the quantization of both.
        var sim = new Simulation(new SimulationOptions { Seed = 1 });
        var blocks = new TrainingBlocks(spec with { Training = spec.Training! with { OutNoise = 0 } }, sim, new EnergyLedger());
        var actions = new TileActions(tile, blocks, "T0/C", null, new Random(3));
        var zPeriphery = new double[6];
        sim.Run(sim.Process(actions.Backward(d, zPeriphery, 5)));
        for (int r = 0; r < 5; r++)
        {
            double bound = (blocks.Driver.Planes * blocks.CodeStep * 0.5 * 0.8) + (3 * 0.8 / 127.0);
            Assert.InRange(zPeriphery[r] - z[r], -bound, bound);
        }
    }
}
