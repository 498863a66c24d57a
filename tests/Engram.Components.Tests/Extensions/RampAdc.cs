using Engram.Components.Arch;
using Engram.Components.Blocks.Adc;
using Engram.Models.Costs;

namespace Engram.Components.Tests.Extensions;

/// <summary>
/// The ramp converter as an ADC kind: its quantizer counts whole steps until the ramp passes |I|, so it truncates
/// towards zero (the midrise converters round), clipped to ±(2^(B−1) − 1).
/// </summary>
internal sealed class RampAdc(RampAdcCost model) : IAdc
{
    public string Type => RampAdcType.TypeName;

    public int Bits => model.Bits;

    public IComponentCostModel Model => model;

    public double ConversionLatencyPs => model.ConversionLatencyPs;

    public double AreaUm2 => model.AreaUm2;

    public double LeakageW => 0;

    public ColumnCurrentConvention Convention => model.Convention;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) => model.ConversionEnergyJ(columnConductanceS, readVoltageV);

    public int Quantize(double currentA, double codeStepA)
    {
        int limit = (1 << (Bits - 1)) - 1;
        return (int)Math.Clamp(Math.Truncate(currentA / codeStepA), -limit, limit);
    }
}

internal sealed class RampAdcType : IAdcType
{
    public const string TypeName = "ramp";

    public string Name => TypeName;

    public (string Key, string Message)? Check(AdcSpec spec, string costProfile) =>
        spec.Bits is < 2 or > 10 ? ("bits", $"a ramp ADC here has 2..10 bits, got {spec.Bits}") : null;

    public IAdc Create(AdcSpec spec, CostLibrary library, double sampleRateHz) => new RampAdc(new RampAdcCost(spec.Bits, library.NodeNm));
}
