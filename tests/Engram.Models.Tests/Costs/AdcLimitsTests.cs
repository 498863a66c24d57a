using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

public class AdcLimitsTests
{
    [Fact]
    public void An_8_bit_neurosim_sar_below_1_fJ_per_step_is_flagged()
    {
        // 78.1 fJ / 2^8 = 0.31 fJ per step: better than anything in Murmann's survey.
        var adc = new CostLibrary(CostLibrary.NeuroSim, 22).Adc(AdcKind.Sar, 8);
        Within.Relative(78.1e-15 / 256, AdcLimits.WaldenJPerStep(adc), 0.05, "Walden FoM of the 8-bit NeuroSim SAR");
        Assert.Contains("claims 0.305 fJ/conversion-step", AdcLimits.Check(adc), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CostLibrary.NeuroSim, AdcKind.Flash, 8)]
    [InlineData(CostLibrary.NeuroSim, AdcKind.Sar, 4)]
    [InlineData(CostLibrary.Survey, AdcKind.Sar, 8)]
    [InlineData(CostLibrary.Isaac, AdcKind.Sar, 8)]
    public void Plausible_converters_pass(string profile, AdcKind kind, int bits) =>
        Assert.Null(AdcLimits.Check(new CostLibrary(profile, 22).Adc(kind, bits)));

    [Fact]
    public void The_query_carries_the_warning() =>
        Assert.Contains("warning", CostQuery.Run(CostLibrary.NeuroSim, 22, "adc_sar", 8).Note, StringComparison.Ordinal);
}
