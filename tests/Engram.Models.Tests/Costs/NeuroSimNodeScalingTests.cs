using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

/// <summary>
/// The "neurosim" profile at 32 and 45 nm against values worked out by hand from NeuroSim's per-node technology
/// parameters and circuit formulas (DNN_NeuroSim_V1.3 as shipped in CiMLoop's NeuroSim plug-in), within ±10 %.
/// Hand working, 22 / 32 / 45 nm LP (Technology.cpp L678-L699 / L566-L587 / L454-L475):
///   Vdd 0.85 / 0.9 / 1.0 V; C_gate = 1.2 capIdealGate + capFringe = 1.4298e-9 / 1.6907e-9 / 1.9567e-9 F/m (formula.cpp L50-L60, Technology.cpp L1462);
///   pnSizeRatio = Ion,n/Ion,p = 791.9/600.2 = 1.319 / 600.2/400 = 1.501 / 500.2/300 = 1.667;
///   EnlargeSize fills 28F − 3.5F − 3.6F = 20.9F (formula.cpp L558-L585, constant.h L50-L63): W_n = 198.2 / 267.5 / 352.6 nm;
///   DFF bit (DFF.cpp L165-L172): C_in = 657.4 / 1130.7 / 1840.3 aF, C_drain = 180.5 / 273.3 / 400.5 aF (formula.cpp L240-L412,
///   junction caps Technology.cpp L1469-L1478) → C_dff = 7.065 / 11.779 / 18.727 fF, E = C·Vdd² = 5.104 / 9.541 / 18.727 fJ,
///   i.e. logic energy ×1.869 at 32 nm and ×3.669 at 45 nm;
///   R·C of that inverter (R = 1.77·Vdd/(Ion,n·W_n)): 8.03 / 13.93 / 22.49 ps, i.e. logic delay ×1.735 and ×2.800;
///   word line of 128 cells of √48 F: 128·(√48 F·0.2 fF/µm + C_gate·F) = 7.928 / 12.601 / 19.252 fF (SubArray.cpp L142-L156), ×1.589 and ×2.428;
///   current-mode LP sense amp: 1.7 / 3.0875 / 6.3162 µW per level for ≥ 1 ns (MultilevelSenseAmp.cpp L372-L374 / L369-L371 / L366-L368, L189-L193).
/// </summary>
public class NeuroSimNodeScalingTests
{
    private const double Tolerance = 0.10;

    [Theory]
    // 5.1 fJ x 1.869 = 9.53 fJ; (5.1 + 2.1) fJ x 1.869 = 13.46 fJ; 241 um^2 x (32/22)^2 = 509.9 um^2 per 128 rows
    [InlineData(32, 9.53e-15, 13.46e-15, 509.9)]
    // 5.1 fJ x 3.669 = 18.71 fJ; 7.2 fJ x 3.669 = 26.42 fJ; 241 um^2 x (45/22)^2 = 1008.3 um^2
    [InlineData(45, 18.71e-15, 26.42e-15, 1008.3)]
    public void Row_driver(double nodeNm, double baseJ, double oneJ, double area128Um2)
    {
        var driver = (RowDriverCost)new CostLibrary(CostLibrary.NeuroSim, nodeNm).RowDriver();
        Within.Relative(baseJ, driver.DriveEnergyJ(false), Tolerance, $"row driver at {nodeNm} nm (DFF.cpp L165-L172 C·Vdd² ratio)");
        Within.Relative(oneJ, driver.DriveEnergyJ(true), Tolerance, $"row driver, input 1, at {nodeNm} nm");
        Within.Relative(area128Um2, driver.AreaUm2 * 128, Tolerance, $"row-driver area at {nodeNm} nm (F^2)");
        Assert.True(driver.ScaledTheNeuroSimWay);
    }

    [Theory]
    // 1 level x 3.0875 uW x 1 ns = 3.09 fJ (MultilevelSenseAmp.cpp L369-L371); per ON cell 0.31 fJ x 0.0649 e^(-2.297 lg R) / (0.0631 e^(-2.303 lg R)) at R = 201 kOhm = 0.31 x 1.0617 = 0.329 fJ; 11 um^2 x 2.116
    [InlineData(32, 3.09e-15, 0.329e-15, 23.27)]
    // 6.3162 uW x 1 ns = 6.32 fJ (MultilevelSenseAmp.cpp L366-L368); per ON cell 0.31 fJ x 0.075/0.0631 = 0.368 fJ; 11 um^2 x 4.184
    [InlineData(45, 6.32e-15, 0.368e-15, 46.02)]
    public void Sense_amp(double nodeNm, double energyJ, double perOnCellJ, double areaUm2)
    {
        var sa = new CostLibrary(CostLibrary.NeuroSim, nodeNm).SenseAmp();
        Within.Relative(energyJ, sa.Cost(SenseAmpCost.Sense).EnergyJ, Tolerance, $"sense amp at {nodeNm} nm");
        Within.Relative(perOnCellJ, sa.SenseEnergyJ(1) - sa.SenseEnergyJ(0), Tolerance, $"sense amp per ON cell at {nodeNm} nm");
        Within.Relative(areaUm2, sa.AreaUm2, Tolerance, $"sense amp area at {nodeNm} nm");
        Assert.Equal(1_000, sa.Cost(SenseAmpCost.Sense).LatencyPs); // MultilevelSenseAmp.cpp L189-L193: at least 1 ns at every node
    }

    [Theory]
    // (2^5 - 1) x 3.0875 uW x 1 ns = 95.7 fJ (MultilevelSenseAmp.cpp L369-L371); 338.5 um^2 x (32/22)^2 = 716.2 um^2
    [InlineData(32, 5, 95.7e-15, 716.2)]
    // 31 x 6.3162 uW x 1 ns = 195.8 fJ (MultilevelSenseAmp.cpp L366-L368); 338.5 um^2 x (45/22)^2 = 1416.3 um^2
    [InlineData(45, 5, 195.8e-15, 1416.3)]
    // 15 x 3.0875 = 46.3 fJ; 255 x 6.3162 = 1610.6 fJ
    [InlineData(32, 4, 46.3e-15, 347.0)]
    [InlineData(45, 8, 1610.6e-15, 11648)]
    public void Flash_adc(double nodeNm, int bits, double energyJ, double areaUm2)
    {
        var adc = new CostLibrary(CostLibrary.NeuroSim, nodeNm).Adc(AdcKind.Flash, bits);
        Within.Relative(energyJ, adc.Cost("convert").EnergyJ, Tolerance, $"{bits}-bit flash at {nodeNm} nm");
        Within.Relative(areaUm2, adc.AreaUm2, Tolerance, $"{bits}-bit flash area at {nodeNm} nm");
        Assert.Equal(1_000, adc.ConversionLatencyPs);
    }

    [Theory]
    // SarADC.cpp L210-L212: (1.1294 x 5 + 8.8998) uW x 6 ns = 87.3 fJ; L207-L209: (2.1691 x 5 + 16.693) uW x 6 ns = 165.2 fJ
    [InlineData(32, 87.3e-15)]
    [InlineData(45, 165.2e-15)]
    public void Sar_adc(double nodeNm, double energyJ)
    {
        var adc = new CostLibrary(CostLibrary.NeuroSim, nodeNm).Adc(AdcKind.Sar, 5);
        Within.Relative(energyJ, adc.Cost("convert").EnergyJ, Tolerance, $"5-bit SAR at {nodeNm} nm");
    }

    [Theory]
    // adder 17.1 fJ x 1.869 = 31.96 fJ, 1.0 ns x 1.735 = 1735 ps; DFF 40.8 fJ x 1.869 = 76.26 fJ;
    // shift-add 78 fJ x 1.869 = 145.8 fJ, 1.735 ns + 0.5 ns = 2235 ps; tree 131 fJ x 1.869 = 244.9 fJ, 3.4 ns x 1.735 = 5899 ps
    [InlineData(32, 31.96e-15, 1735, 76.26e-15, 145.8e-15, 2235, 244.9e-15, 5899)]
    // x3.669 and x2.800: adder 62.74 fJ, 2800 ps; DFF 149.7 fJ; shift-add 286.2 fJ, 3300 ps; tree 480.6 fJ, 9520 ps
    [InlineData(45, 62.74e-15, 2800, 149.7e-15, 286.2e-15, 3300, 480.6e-15, 9520)]
    public void Digital_blocks(double nodeNm, double adderJ, double adderPs, double dffJ, double shiftAddJ, double shiftAddPs, double treeJ, double treePs)
    {
        var lib = new CostLibrary(CostLibrary.NeuroSim, nodeNm);
        Within.Relative(adderJ, lib.Adder(16).Cost("add").EnergyJ, Tolerance, "16-bit adder");
        Within.Relative(adderPs, lib.Adder(16).Cost("add").LatencyPs, Tolerance, "16-bit adder latency");
        Within.Relative(dffJ, lib.Register(16).Cost("write").EnergyJ, Tolerance, "16-bit DFF");
        Within.Relative(shiftAddJ, lib.ShiftAdd().Cost("shift_add").EnergyJ, Tolerance, "shift-add");
        Within.Relative(shiftAddPs, lib.ShiftAdd().Cost("shift_add").LatencyPs, Tolerance, "shift-add latency");
        Within.Relative(treeJ, lib.AdderTree(8).Cost("reduce").EnergyJ, Tolerance, "adder tree");
        Within.Relative(treePs, lib.AdderTree(8).Cost("reduce").LatencyPs, Tolerance, "adder tree latency");
    }

    [Theory]
    // 0.83 pJ x 12.601/7.928 fF = 1.319 pJ; 0.83 pJ x 19.252/7.928 fF = 2.015 pJ (SubArray.cpp L142-L156)
    [InlineData(32, 1.319e-12)]
    [InlineData(45, 2.015e-12)]
    public void Source_line_switch_follows_the_word_line_capacitance(double nodeNm, double energyJ)
    {
        var cells = new CostLibrary(CostLibrary.NeuroSim, nodeNm).CellPhysics();
        Within.Relative(energyJ, cells.Cost(CellArrayCost.WriteRowSwitch).EnergyJ, Tolerance, $"row switch at {nodeNm} nm");
    }

    [Fact]
    public void Twenty_two_nm_is_unchanged_and_every_node_says_how_it_was_scaled()
    {
        var at22 = (RowDriverCost)new CostLibrary(CostLibrary.NeuroSim, 22).RowDriver();
        Assert.Equal(5.1e-15, at22.DriveEnergyJ(false), 1e-27);
        Assert.Equal(1.70e-15 * 31, new CostLibrary(CostLibrary.NeuroSim, 22).Adc(AdcKind.Flash, 5).Cost("convert").EnergyJ, 1e-27);

        Assert.Contains("NeuroSim per-node scaling", ((RowDriverCost)new CostLibrary(CostLibrary.NeuroSim, 32).RowDriver()).ScalingNote, StringComparison.Ordinal);
        Assert.Contains("interpolated linearly between NeuroSim's 22 and 32 nm", ((RowDriverCost)new CostLibrary(CostLibrary.NeuroSim, 28).RowDriver()).ScalingNote, StringComparison.Ordinal);
        var at14 = (RowDriverCost)new CostLibrary(CostLibrary.NeuroSim, 14).RowDriver();
        Assert.False(at14.ScaledTheNeuroSimWay);
        Assert.Contains("Stillmaker-Baas", at14.ScalingNote, StringComparison.Ordinal);

        // Other profiles keep Stillmaker-Baas: the survey profile's NeuroSim row driver at 32 nm is 5.1 fJ x 2.24.
        var survey = (RowDriverCost)new CostLibrary(CostLibrary.Survey, 32).RowDriver();
        Assert.False(survey.ScaledTheNeuroSimWay);
        Within.Relative(5.1e-15 * TechnologyScaling.EnergyFactor(22, 32), survey.DriveEnergyJ(false), 1e-12, "survey row driver keeps Stillmaker-Baas");
    }

    [Fact]
    public void Between_neurosim_nodes_the_figures_are_interpolated_linearly()
    {
        double at22 = new CostLibrary(CostLibrary.NeuroSim, 22).Adc(AdcKind.Flash, 5).Cost("convert").EnergyJ;
        double at32 = new CostLibrary(CostLibrary.NeuroSim, 32).Adc(AdcKind.Flash, 5).Cost("convert").EnergyJ;
        double at27 = new CostLibrary(CostLibrary.NeuroSim, 27).Adc(AdcKind.Flash, 5).Cost("convert").EnergyJ;
        Within.Relative((at22 + at32) / 2, at27, 1e-12, "27 nm is halfway between 22 and 32 nm (accelergywrapper.py L352-L368)");
    }
}
