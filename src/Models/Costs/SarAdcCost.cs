using System.Numerics.Tensors;

namespace Engram.Models.Costs;

/// <summary>
/// SAR ADC in NeuroSim's closed form (NeuroSim V1.3 <c>SarADC</c>, LSTP): latency (B+1) ns,
/// power P = (a·B + b) µW + c·G_col·(V_read / 0.5 V), energy P·(B+1) ns. The column term carries the
/// cell current, so cells charge nothing on read under this converter.
/// </summary>
public sealed class SarAdcCost : ComponentCostModel, IAdcCostModel
{
    public const string Convert = "convert";

    private static readonly string[] ActionNames = [Convert];

    // NeuroSim SarADC coefficients per node: a, b in µW, c in W·Ω (NeuroSim V1.3 <c>SarADC</c>).
    private static readonly (double NodeNm, double AUw, double BUw, double CWOhm)[] Coefficients =
    [
        (45, 2.169, 16.69, 0.100),
        (32, 1.129, 8.90, 0.079),
        (22, 0.538, 4.375, 0.072),
        (14, 0.313, 2.568, 0.061),
        (7, 0.106, 0.885, 0.044),
    ];

    private readonly double _unitAreaUm2;

    public SarAdcCost(int bits, double nodeNm, string profile = NeuroSimReference.Profile)
        : base("adc_sar", profile, nodeNm, NeuroSimReference.NodeNm)
    {
        if (bits is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "ADC bits must be in 1..16");
        }

        Bits = bits;
        var src = new Provenance("NeuroSim V1.3 SarADC closed form (LSTP)", "45/32/22/14/7 nm", 2021,
            "P = (a*B + b) uW + c / R_col; latency (B+1) ns; a,b,c tabulated per node",
            "linear interpolation of a, b, c between tabulated nodes; Stillmaker-Baas energy scaling outside 7-45 nm");
        (PowerPerBitUw, PowerBaseUw, ColumnPowerWOhm) = CoefficientsAt(nodeNm);
        Cite(nameof(PowerPerBitUw), PowerPerBitUw, CostUnit.Microwatt, src);
        Cite(nameof(PowerBaseUw), PowerBaseUw, CostUnit.Microwatt, src);
        Cite(nameof(ColumnPowerWOhm), ColumnPowerWOhm, CostUnit.WattOhm, src);
        double referenceReadV = Cite("ColumnReferenceReadV", NeuroSimReference.ColumnReferenceReadVoltageV, CostUnit.Volt, src with { OriginalFigure = "R_col scaled by 0.5 V / V_read" });
        ReferenceReadVoltageV = referenceReadV;
        ConversionLatencyPs = (bits + 1) * Cite("CycleLatencyPs", 1_000, CostUnit.Picosecond, src with { OriginalFigure = "latency (B+1) ns", Scaling = "node-independent (NeuroSim's SAR clock)" });
        _unitAreaUm2 = Cite("TransistorFootprintUm2", FittedFootprintUm2, CostUnit.SquareMicrometer, NeuroSimReference.Figure(
            "SAR 4/5/6/8 bit: 105/124/143/180 um^2 = A_n(269 + 109(B-1)) + A_p(209 + 73(B-1))",
            "A_n = A_p, least-squares fit to those four areas at load (~0.1028 um^2); area: " + ScalingNote)) * AreaScale;
    }

    public int Bits { get; }

    public double PowerPerBitUw { get; }

    public double PowerBaseUw { get; }

    public double ColumnPowerWOhm { get; }

    public double ReferenceReadVoltageV { get; }

    public double ConversionLatencyPs { get; }

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InConverter;

    public override double AreaUm2 => _unitAreaUm2 * FootprintCount(Bits);

    // NeuroSim's SarADC transistor count in minimum footprints (n and p summed, A_n = A_p).
    private static double FootprintCount(int bits) => 269 + (109 * (bits - 1)) + 209 + (73 * (bits - 1));

    // NeuroSim 22 nm SAR areas (via CiMLoop): the footprint A minimising Σ (A·count(B) − area(B))².
    private static readonly double FittedFootprintUm2 = FitFootprint([(4, 105), (5, 124), (6, 143), (8, 180)]);

    private static double FitFootprint((int Bits, double AreaUm2)[] published) =>
        published.Sum(p => FootprintCount(p.Bits) * p.AreaUm2) / published.Sum(p => FootprintCount(p.Bits) * FootprintCount(p.Bits));

    public override IReadOnlyList<string> Actions => ActionNames;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV)
    {
        double powerW = (((PowerPerBitUw * Bits) + PowerBaseUw) * 1e-6) + (ColumnPowerWOhm * columnConductanceS * readVoltageV / ReferenceReadVoltageV);
        return powerW * ConversionLatencyPs * 1e-12;
    }

    /// <summary>
    /// <see cref="ConversionEnergyJ"/> of each column: the same operations in the same order per column, each a whole
    /// span at a time (vector lanes round as single operations do, so the bits are the same).
    /// </summary>
    public void ConversionEnergiesJ(ReadOnlySpan<double> columnConductancesS, double readVoltageV, Span<double> energiesJ)
    {
        double ownW = ((PowerPerBitUw * Bits) + PowerBaseUw) * 1e-6;
        var energies = energiesJ[..columnConductancesS.Length];
        TensorPrimitives.Multiply(columnConductancesS, ColumnPowerWOhm, energies);
        TensorPrimitives.Multiply(energies, readVoltageV, energies);
        TensorPrimitives.Divide(energies, ReferenceReadVoltageV, energies);
        TensorPrimitives.Add(energies, ownW, energies);
        TensorPrimitives.Multiply(energies, ConversionLatencyPs, energies);
        TensorPrimitives.Multiply(energies, 1e-12, energies);
    }

    public override ActionCost Cost(string action) =>
        action == Convert ? new(ConversionEnergyJ(0, ReferenceReadVoltageV), ConversionLatencyPs) : throw UnknownAction(action);

    /// <summary>The column-power coefficient c (W·Ω) at a node; flash converters share NeuroSim's column model.</summary>
    internal static double ColumnCoefficientAt(double nodeNm) => CoefficientsAt(nodeNm).C;

    private static (double A, double B, double C) CoefficientsAt(double nodeNm)
    {
        var first = Coefficients[0];
        var last = Coefficients[^1];
        if (nodeNm >= first.NodeNm)
        {
            double s = TechnologyScaling.EnergyFactor(first.NodeNm, nodeNm);
            return (first.AUw * s, first.BUw * s, first.CWOhm * s);
        }

        if (nodeNm <= last.NodeNm)
        {
            double s = TechnologyScaling.EnergyFactor(last.NodeNm, nodeNm);
            return (last.AUw * s, last.BUw * s, last.CWOhm * s);
        }

        for (int i = 0; i < Coefficients.Length - 1; i++)
        {
            var big = Coefficients[i];
            var small = Coefficients[i + 1];
            if (nodeNm <= big.NodeNm && nodeNm >= small.NodeNm)
            {
                double f = (big.NodeNm - nodeNm) / (big.NodeNm - small.NodeNm);
                return (big.AUw + ((small.AUw - big.AUw) * f), big.BUw + ((small.BUw - big.BUw) * f), big.CWOhm + ((small.CWOhm - big.CWOhm) * f));
            }
        }

        throw new InvalidOperationException("unreachable: node outside the coefficient table");
    }
}
