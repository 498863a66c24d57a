using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary>A converter whose figures are one of the cost library's ADC models and whose quantizer is the midrise one.</summary>
public sealed class ProfileAdc(string type, IAdcCostModel model) : IAdc
{
    public string Type { get; } = type;

    public int Bits => model.Bits;

    public IComponentCostModel Model => model;

    public double ConversionLatencyPs => model.ConversionLatencyPs;

    public double AreaUm2 => model.AreaUm2;

    public double LeakageW => model.LeakageW;

    public ColumnCurrentConvention Convention => model.Convention;

    // Only a converter whose model carries the column current is charged for it; the others leave it to the cells.
    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) =>
        model.ConversionEnergyJ(model.Convention == ColumnCurrentConvention.InConverter ? columnConductanceS : 0, readVoltageV);

    public void ConversionEnergiesJ(ReadOnlySpan<double> columnConductancesS, double readVoltageV, Span<double> energiesJ)
    {
        if (model.Convention == ColumnCurrentConvention.InConverter)
        {
            model.ConversionEnergiesJ(columnConductancesS, readVoltageV, energiesJ);
            return;
        }

        energiesJ[..columnConductancesS.Length].Fill(model.ConversionEnergyJ(0, readVoltageV));
    }

    public int Quantize(double currentA, double codeStepA) => MidriseQuantizer.Quantize(currentA, codeStepA, Bits);

    public void QuantizeEach(ReadOnlySpan<double> currentsA, double codeStepA, Span<int> codes) =>
        MidriseQuantizer.QuantizeEach(currentsA, codeStepA, Bits, codes);
}
