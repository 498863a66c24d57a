using Engram.Components.Arch;
using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary>A registered ADC type: checks a configuration against its limits and builds the converter.</summary>
public interface IAdcType
{
    string Name { get; }

    /// <summary>Why <paramref name="spec"/> cannot be built under <paramref name="costProfile"/> (key of <c>periphery.adc</c> and message), or null.</summary>
    (string Key, string Message)? Check(AdcSpec spec, string costProfile);

    IAdc Create(AdcSpec spec, CostLibrary library, double sampleRateHz);
}
