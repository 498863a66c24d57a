using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary><c>sense_amp</c>: the 1-bit sense amplifier as a converter (<c>bits: 1</c> only).</summary>
public sealed class SenseAmpAdcType : IAdcType
{
    public const string TypeName = "sense_amp";

    public string Name => TypeName;

    public (string Key, string Message)? Check(AdcSpec spec, string costProfile) =>
        spec.Bits != 1 ? ("bits", $"a sense amplifier is a 1-bit converter; set bits: 1, got {spec.Bits}") : null;

    public IAdc Create(AdcSpec spec, CostLibrary library, double sampleRateHz) => new SenseAmpAdc(library.SenseAmp());
}
