namespace Engram.Models.Costs;

/// <summary>
/// ISAAC's SAR ADC (Shafiee et al., ISCA 2016; as used by PUMA and hwcomponents), 32 nm, 1.28 GS/s,
/// with its published resolution sweep. Cells charge their own current in this profile.
/// </summary>
public sealed class IsaacAdcCost : ComponentCostModel, IAdcCostModel
{
    public const string Convert = "convert";

    private static readonly string[] ActionNames = [Convert];

    // (bits, pJ per conversion, µm²) — ISAAC resolution sweep at 32 nm (Shafiee et al. 2016, as hwcomponents tabulates it).
    private static readonly (int Bits, double EnergyPj, double AreaUm2)[] Sweep =
    [
        (4, 0.79, 361), (5, 0.99, 477), (6, 1.20, 627), (7, 1.42, 845), (8, 1.67, 1200), (9, 1.97, 1828), (10, 2.38, 3002),
    ];

    private readonly double _energyJ;
    private readonly double _areaUm2;

    public IsaacAdcCost(int bits, double nodeNm)
        : base("adc_sar", IsaacReference.Profile, nodeNm, IsaacReference.NodeNm)
    {
        int index = Array.FindIndex(Sweep, s => s.Bits == bits);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "the ISAAC profile publishes ADCs of 4..10 bits only");
        }

        Bits = bits;
        var point = Sweep[index];
        var src = IsaacReference.Figure($"{bits}-bit SAR ADC at 1.28 GS/s: {point.EnergyPj} pJ, {point.AreaUm2} um^2 (8 bit headline: 2 mW, 1200 um^2)", "Stillmaker-Baas scaling from 32 nm");
        _energyJ = Cite("ConversionEnergyJ", point.EnergyPj * 1e-12, CostUnit.Joule, src) * EnergyScale;
        _areaUm2 = Cite("ConverterAreaUm2", point.AreaUm2, CostUnit.SquareMicrometer, src) * AreaScale;
        double rateHz = Cite("SampleRateHz", IsaacReference.SampleRateHz, CostUnit.Hertz, src);
        ConversionLatencyPs = 1e12 / rateHz * LatencyScale;
    }

    public int Bits { get; }

    public double ConversionLatencyPs { get; }

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InArray;

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) => _energyJ;

    public override ActionCost Cost(string action) =>
        action == Convert ? new(_energyJ, ConversionLatencyPs) : throw UnknownAction(action);
}
