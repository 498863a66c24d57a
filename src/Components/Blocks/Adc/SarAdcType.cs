using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary><c>sar</c>: successive-approximation converter (NeuroSim's closed form, the survey fit or ISAAC's, by profile).</summary>
public sealed class SarAdcType : IAdcType
{
    public string Name => "sar";

    public (string Key, string Message)? Check(AdcSpec spec, string costProfile) =>
        costProfile == CostLibrary.Isaac && spec.Bits is < 4 or > 10
            ? ("bits", $"the isaac cost profile has SAR ADCs of 4..10 bits only, got {spec.Bits}")
            : null;

    public IAdc Create(AdcSpec spec, CostLibrary library, double sampleRateHz) => new ProfileAdc(Name, library.Adc(AdcKind.Sar, spec.Bits, sampleRateHz));
}
