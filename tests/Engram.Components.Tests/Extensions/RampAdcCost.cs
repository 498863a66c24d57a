using Engram.Models.Costs;

namespace Engram.Components.Tests.Extensions;

/// <summary>
/// A single-slope (ramp) converter, costed in the test project only: a counter runs while a ramp rises, so a
/// conversion takes 2^B ramp steps and each step is one comparator decision. Figures: NeuroSim's 22 nm comparator
/// (1.70 fJ, the flash model's per-comparator figure) per step, one 1 GHz counter cycle per step, the comparator's
/// area plus a B-bit counter (NeuroSim DFF, 2.6 fJ and 1.24 µm² per bit). A fixture, not a calibrated model.
/// </summary>
internal sealed class RampAdcCost : ComponentCostModel, IAdcCostModel
{
    private readonly double _stepJ;
    private readonly double _stepPs;
    private readonly double _areaUm2;

    public RampAdcCost(int bits, double nodeNm)
        : base("adc_ramp", "test", nodeNm, 22)
    {
        Bits = bits;
        var comparator = new Provenance("NeuroSim V1.3 flash comparator (test fixture)", "22 nm", 2021, "1.70 fJ per comparator decision", "Stillmaker-Baas");
        _stepJ = Cite("StepEnergyJ", 1.70e-15, CostUnit.Joule, comparator) * EnergyScale;
        _stepPs = Cite("StepLatencyPs", 1_000, CostUnit.Picosecond, comparator with { OriginalFigure = "one 1 GHz counter cycle per ramp step (test assumption)" });
        _areaUm2 = (Cite("ComparatorAreaUm2", 10.92, CostUnit.SquareMicrometer, comparator) + (bits * Cite("CounterBitAreaUm2", 1.24, CostUnit.SquareMicrometer, comparator))) * AreaScale;
    }

    public int Bits { get; }

    public double ConversionLatencyPs => (1 << Bits) * _stepPs;

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InCells;

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ["convert"];

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) => (1 << Bits) * _stepJ;

    public override ActionCost Cost(string action) => action == "convert" ? new(ConversionEnergyJ(0, 0), ConversionLatencyPs) : throw UnknownAction(action);
}
