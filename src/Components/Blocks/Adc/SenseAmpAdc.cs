using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary>
/// A 1-bit current sense amplifier used as the converter (a comparator: the code is the sign of the column
/// current). NeuroSim publishes 1.7 fJ per sense plus 0.31 fJ per ON cell on the bit line; the ON cells are
/// counted as the column's driven conductance in units of NeuroSim's ON cell (1 / 6 kΩ), an Engram assumption
/// for devices that are not binary. The cells charge their own current (the sense amp's figures exclude it).
/// </summary>
public sealed class SenseAmpAdc(SenseAmpCost model) : IAdc
{
    public string Type => SenseAmpAdcType.TypeName;

    public int Bits => 1;

    public IComponentCostModel Model => model;

    public double ConversionLatencyPs => model.Cost(SenseAmpCost.Sense).LatencyPs;

    public double AreaUm2 => model.AreaUm2;

    public double LeakageW => model.LeakageW;

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InCells;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) =>
        model.SenseEnergyJ((int)Math.Round(columnConductanceS * NeuroSimReference.OnResistanceOhm));

    public int Quantize(double currentA, double codeStepA) => Math.Sign(currentA);
}
