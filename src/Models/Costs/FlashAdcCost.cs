namespace Engram.Models.Costs;

/// <summary>
/// Flash ADC built from multi-level sense amplifiers (NeuroSim V1.3 via CiMLoop): 2^B − 1 comparators per
/// conversion plus the column power over the conversion time. The 22 nm table (4/5/6/8 bit:
/// 25.5/52.7/107/434 fJ, 164/338/688/2784 µm²) is 1.70 fJ and 10.92 µm² per comparator.
/// </summary>
public sealed class FlashAdcCost : ComponentCostModel, IAdcCostModel
{
    public const string Convert = "convert";

    private static readonly string[] ActionNames = [Convert];

    private readonly double _comparatorEnergyJ;
    private readonly double _comparatorAreaUm2;

    public FlashAdcCost(int bits, double nodeNm, string profile = NeuroSimReference.Profile)
        : base("adc_flash", profile, nodeNm, NeuroSimReference.NodeNm)
    {
        if (bits is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "flash ADC bits must be in 1..12 (2^B - 1 comparators)");
        }

        Bits = bits;
        var node = NodeScaling;
        string scaling = "per comparator, x(2^B - 1); " + ScalingNote + (node is null ? string.Empty : "; energy x sense-amp power per level");
        // Each comparator is one level of NeuroSim's multi-level sense amplifier, whose power per level is tabulated per node.
        _comparatorEnergyJ = Cite("ComparatorEnergyJ", 1.70e-15, CostUnit.Joule,
            NeuroSimReference.Figure("flash 4/5/6/8 bit 25.5/52.7/107/434 fJ = 1.70 fJ x (2^B - 1)", scaling)) * (node?.SenseLevelRatio ?? EnergyScale);
        _comparatorAreaUm2 = Cite("ComparatorAreaUm2", 10.92, CostUnit.SquareMicrometer,
            NeuroSimReference.Figure("flash 4/5/6/8 bit 164/338/688/2784 um^2 = 10.92 um^2 x (2^B - 1)", scaling)) * AreaScale;
        // NeuroSim's sensing time is at least 1 ns at every node (MultilevelSenseAmp.cpp L189-L193).
        ConversionLatencyPs = Cite("ConversionLatencyPs", 1_000, CostUnit.Picosecond,
            NeuroSimReference.Figure("flash conversion 1 ns", node is null ? "linear in feature size" : "1 ns at every NeuroSim node (NeuroSim's 1 ns minimum sensing time)")) * (node is null ? LatencyScale : 1);
        ColumnPowerWOhm = Cite(nameof(ColumnPowerWOhm), SarAdcCost.ColumnCoefficientAt(nodeNm), CostUnit.WattOhm,
            NeuroSimReference.Figure("column power c / R_col over the conversion (c from NeuroSim SarADC table)", "per-node c as for the SAR model"));
    }

    public int Bits { get; }

    public double ConversionLatencyPs { get; }

    public double ColumnPowerWOhm { get; }

    public int Comparators => (1 << Bits) - 1;

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InConverter;

    public override double AreaUm2 => Comparators * _comparatorAreaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) =>
        (Comparators * _comparatorEnergyJ) + (ColumnPowerWOhm * columnConductanceS * (readVoltageV / NeuroSimReference.ColumnReferenceReadVoltageV) * ConversionLatencyPs * 1e-12);

    public override ActionCost Cost(string action) =>
        action == Convert ? new(ConversionEnergyJ(0, NeuroSimReference.ColumnReferenceReadVoltageV), ConversionLatencyPs) : throw UnknownAction(action);
}
