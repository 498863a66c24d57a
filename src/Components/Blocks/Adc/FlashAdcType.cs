using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary><c>flash</c>: 2^B − 1 comparators per conversion (NeuroSim's multi-level sense amplifiers; the survey fit under that profile).</summary>
public sealed class FlashAdcType : IAdcType
{
    public string Name => "flash";

    public (string Key, string Message)? Check(AdcSpec spec, string costProfile) => costProfile switch
    {
        CostLibrary.Isaac => ("type", "the isaac cost profile has only SAR ADCs (4..10 bits), got flash"),
        _ when spec.Bits > 12 => ("bits", $"a flash ADC has 2^B - 1 comparators; at most 12 bits, got {spec.Bits}"),
        _ => null,
    };

    public IAdc Create(AdcSpec spec, CostLibrary library, double sampleRateHz) => new ProfileAdc(Name, library.Adc(AdcKind.Flash, spec.Bits, sampleRateHz));
}
