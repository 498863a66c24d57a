using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

/// <summary>The one-MVM-step cross-check (docs/cost-models.md): each profile within ±10 % of its row.</summary>
public class CrossCheckTests
{
    [Fact]
    public void NeuroSim_sar_step_and_its_parts()
    {
        var e = MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.NeuroSim, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Sar));
        Within.Relative(17e-12, e.TotalJ, 0.10, "NeuroSim SAR step");
        Within.Relative(5.4e-12, e.ConversionJ, 0.10, "ADC part");
        Within.Relative(0.8e-12, e.RowDriveJ, 0.10, "row part");
        Within.Relative(10.4e-12, e.ColumnCurrentJ, 0.10, "column-current part");
        // The NeuroSim row of the cross-check has no separate crossbar term: the cells' energy is the column current.
        Assert.Equal(0, e.ArrayJ);
    }

    [Fact]
    public void NeuroSim_flash_step() =>
        Within.Relative(9e-12, MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.NeuroSim, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Flash)).TotalJ, 0.10, "NeuroSim flash step");

    [Fact]
    public void Survey_step() =>
        Within.Relative(65e-12, MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.Survey, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Sar)).TotalJ, 0.10, "survey ADC + NeuroSim rows and cells");

    [Fact]
    public void Isaac_step_scaled_to_22nm() =>
        Within.Relative(93e-12, MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.Isaac, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Sar)).TotalJ, 0.10, "ISAAC scaled to 22 nm");

    [Fact]
    public void Column_current_is_charged_once_whatever_the_convention()
    {
        var neuro = MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.NeuroSim, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Sar));
        var survey = MvmStepEstimate.Estimate(new CostLibrary(CostLibrary.Survey, 22), MvmStepConfig.CostsCrossCheck(AdcKind.Sar));
        // NeuroSim folds the current into the converter (V·I over the 6 ns conversion); the survey profile
        // charges cells V²·G·t over the 1 ns pulse. Both are non-zero and neither includes the other.
        Assert.True(neuro.ColumnCurrentJ > 0 && survey.ColumnCurrentJ > 0);
        Assert.True(survey.ColumnCurrentJ < neuro.ColumnCurrentJ);
    }

    [Fact]
    public void More_on_cells_cost_more_under_every_profile()
    {
        foreach (var profile in new[] { CostLibrary.NeuroSim, CostLibrary.Survey })
        {
            var lib = new CostLibrary(profile, 22);
            var sparse = MvmStepEstimate.Estimate(lib, MvmStepConfig.CostsCrossCheck(AdcKind.Sar) with { OnCellsFraction = 0.1 });
            var dense = MvmStepEstimate.Estimate(lib, MvmStepConfig.CostsCrossCheck(AdcKind.Sar) with { OnCellsFraction = 0.9 });
            Assert.True(dense.TotalJ > sparse.TotalJ, profile);
        }
    }
}
