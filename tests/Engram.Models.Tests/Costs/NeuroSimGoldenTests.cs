using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

/// <summary>Every 22 nm figure of the "neurosim" profile (NeuroSim V1.3 via CiMLoop, 22 nm), within ±5 %.</summary>
public class NeuroSimGoldenTests
{
    private const double Tolerance = 0.05;
    private static readonly CostLibrary Lib = new(CostLibrary.NeuroSim, 22);

    [Fact]
    public void Cell_read_and_write_energies_and_area()
    {
        var cells = (CellArrayCost)Lib.Cells();
        Within.Relative(1.24e-15, cells.Cost(CellArrayCost.ReadOn).EnergyJ, Tolerance, "cell read ON");
        Within.Relative(0.23e-15, cells.Cost(CellArrayCost.ReadOff).EnergyJ, Tolerance, "cell read OFF");
        Within.Relative(0.023, cells.AreaUm2, Tolerance, "cell area 48F^2");
        Within.Relative(0.99e-12, cells.Cost(CellArrayCost.WriteSet).EnergyJ, Tolerance, "cell write SET");
        Assert.Equal(50_000, cells.Cost(CellArrayCost.WriteSet).LatencyPs);
        Within.Relative(0.83e-12, cells.Cost(CellArrayCost.WriteRowSwitch).EnergyJ, Tolerance, "source-line switch per row");
    }

    [Fact]
    public void Read_energy_follows_the_cell_conductance()
    {
        var cells = Lib.CellPhysics();
        double g = 1 / 50e3;
        double expected = 0.5 * 0.5 / (50e3 + 195e3) * 1e-9;
        Within.Relative(expected, cells.PulseEnergyJ(g, 0.5, 1_000), 1e-12, "V^2 G_eff t");
        Assert.Equal(0, cells.PulseEnergyJ(0, 0.5, 1_000));
    }

    [Fact]
    public void Row_driver()
    {
        var driver = (RowDriverCost)Lib.RowDriver();
        Within.Relative(5.1e-15, driver.DriveEnergyJ(false), Tolerance, "row driver input 0");
        Within.Relative(5.1e-15 + 2.1e-15, driver.DriveEnergyJ(true), Tolerance, "row driver input 1");
        Within.Relative(241, driver.AreaUm2 * 128, Tolerance, "row-driver area for 128 rows");
    }

    [Fact]
    public void Sense_amp()
    {
        var sa = Lib.SenseAmp();
        Within.Relative(1.7e-15, sa.Cost(SenseAmpCost.Sense).EnergyJ, Tolerance, "sense amp");
        Within.Relative(1.7e-15 + (10 * 0.31e-15), sa.SenseEnergyJ(10), Tolerance, "sense amp with 10 ON cells");
        Within.Relative(11, sa.AreaUm2, Tolerance, "sense amp area");
        Assert.Equal(1_000, sa.Cost(SenseAmpCost.Sense).LatencyPs);
    }

    [Theory]
    [InlineData(4, 25.5e-15, 164)]
    [InlineData(5, 52.7e-15, 338)]
    [InlineData(6, 107e-15, 688)]
    [InlineData(8, 434e-15, 2784)]
    public void Flash_adc(int bits, double energyJ, double areaUm2)
    {
        var adc = Lib.Adc(AdcKind.Flash, bits);
        Within.Relative(energyJ, adc.Cost("convert").EnergyJ, Tolerance, $"{bits}-bit flash energy");
        Within.Relative(areaUm2, adc.AreaUm2, Tolerance, $"{bits}-bit flash area");
        Assert.Equal(1_000, adc.ConversionLatencyPs);
    }

    [Theory]
    [InlineData(4, 32.6e-15, 105, 5_000)]
    [InlineData(5, 42.4e-15, 124, 6_000)]
    [InlineData(6, 53.2e-15, 143, 7_000)]
    [InlineData(8, 78.1e-15, 180, 9_000)]
    public void Sar_adc(int bits, double energyJ, double areaUm2, double latencyPs)
    {
        var adc = Lib.Adc(AdcKind.Sar, bits);
        Within.Relative(energyJ, adc.Cost("convert").EnergyJ, Tolerance, $"{bits}-bit SAR energy");
        Within.Relative(areaUm2, adc.AreaUm2, Tolerance, $"{bits}-bit SAR area");
        Assert.Equal(latencyPs, adc.ConversionLatencyPs);
    }

    [Fact]
    public void Sar_column_current_term_per_on_and_off_cell()
    {
        var adc = Lib.Adc(AdcKind.Sar, 5);
        var cells = Lib.CellPhysics();
        double idle = adc.ConversionEnergyJ(0, 0.5);
        double on = adc.ConversionEnergyJ(cells.EffectiveConductanceS(1 / 6e3), 0.5) - idle;
        double off = adc.ConversionEnergyJ(cells.EffectiveConductanceS(1 / 900e3), 0.5) - idle;
        Within.Relative(2.14e-15, on, Tolerance, "SAR column term per ON cell");
        Within.Relative(0.39e-15, off, Tolerance, "SAR column term per OFF cell");
        Within.Relative(on * 2, adc.ConversionEnergyJ(cells.EffectiveConductanceS(1 / 6e3), 1.0) - idle, 1e-9, "column term scales with V_read / 0.5 V");
    }

    [Fact]
    public void Minimum_flash_read_cycle_is_pulse_plus_conversion()
    {
        var cells = Lib.CellPhysics();
        Within.Relative(2_000, cells.ReadPulsePs + Lib.Adc(AdcKind.Flash, 5).ConversionLatencyPs, Tolerance, "5-bit flash sub-array read cycle");
    }

    [Fact]
    public void Digital_blocks()
    {
        var shiftAdd = Lib.ShiftAdd();
        Within.Relative(78e-15, shiftAdd.Cost("shift_add").EnergyJ, Tolerance, "shift-add energy");
        Within.Relative(52, shiftAdd.AreaUm2, Tolerance, "shift-add area");
        Within.Relative(1_500, shiftAdd.Cost("shift_add").LatencyPs, Tolerance, "shift-add latency");
        Within.Relative(5.9e-9, shiftAdd.LeakageW, Tolerance, "shift-add leakage");

        var adder = Lib.Adder(16);
        Within.Relative(17.1e-15, adder.Cost("add").EnergyJ, Tolerance, "16-bit adder");
        Within.Relative(22, adder.AreaUm2, Tolerance, "16-bit adder area");
        Within.Relative(1_000, adder.Cost("add").LatencyPs, Tolerance, "16-bit adder latency");

        var dff = Lib.Register(16);
        Within.Relative(40.8e-15, dff.Cost("write").EnergyJ, Tolerance, "16-bit DFF");
        Within.Relative(19.8, dff.AreaUm2, Tolerance, "16-bit DFF area");
        Within.Relative(2.6e-15, Lib.Register(1).Cost("write").EnergyJ, Tolerance, "DFF per bit");

        var tree = Lib.AdderTree(8);
        Within.Relative(131e-15, tree.Cost("reduce").EnergyJ, Tolerance, "adder tree");
        Within.Relative(171, tree.AreaUm2, Tolerance, "adder tree area");
        Within.Relative(3_400, tree.Cost("reduce").LatencyPs, Tolerance, "adder tree latency");

        var mux = Lib.Mux();
        Within.Relative(5.1e-15, mux.Cost("select").EnergyJ, Tolerance, "8:1 mux");
        Within.Relative(21, mux.AreaUm2, Tolerance, "8:1 mux area");
    }

    [Fact]
    public void Widths_scale_linearly()
    {
        Within.Relative(Lib.Adder(16).Cost("add").EnergyJ / 2, Lib.Adder(8).Cost("add").EnergyJ, 1e-12, "8-bit adder = half a 16-bit one");
        Within.Relative(Lib.AdderTree(8).Cost("reduce").EnergyJ * 15 / 7, Lib.AdderTree(16).Cost("reduce").EnergyJ, 1e-12, "16-input tree = 15 adders");
        Within.Relative(3_400 * 4 / 3.0, Lib.AdderTree(16).Cost("reduce").LatencyPs, 1e-12, "16-input tree = 4 levels");
    }
}
