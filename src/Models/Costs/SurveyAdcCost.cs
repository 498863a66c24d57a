namespace Engram.Models.Costs;

/// <summary>
/// ADC energy and area from the Murmann-survey fit of CiMLoop's ADC plug-in (hwcomponents-adc,
/// Andrulis et al., arXiv 2404.06553): the best Schreier figure of merit reachable at a sample rate and
/// resolution sets the energy; the area follows a regression on node, rate and energy. Type-agnostic
/// (it answers "the best ADC one could buy"), so it stands for both SAR and flash in this profile.
/// Cell current is not folded in: cells charge their own read energy.
/// </summary>
public sealed class SurveyAdcCost : ComponentCostModel, IAdcCostModel
{
    public const string Convert = "convert";
    public const string ProfileName = "survey";
    public const double DefaultSampleRateHz = 1e8;

    private static readonly string[] ActionNames = [Convert];

    private static readonly Provenance Fit = new(
        "CiMLoop ADC plug-in / hwcomponents-adc fit to Murmann's ADC survey (Andrulis et al., ISPASS 2024)", "any node", 2024,
        "FoMS(f) = 213.8 - 2.87 ln f dB; SNDR = 6.02 B + 1.76 dB; E_base = 1/(2*10^((FoMS - SNDR)/10)); E = E_base * exp(26.05 + 1.880 ln node - 2.829 ln B) pJ; area = exp(1.346 + 0.993 ln node + 0.181 ln f + 0.299 ln E_pJ) um^2",
        "node enters the fit directly, no Stillmaker-Baas scaling");

    // The fit's own constants: one place for the formula's figures (cited per instance below).
    private const double FomsInterceptDbFit = 213.8, FomsPerLnRateDbFit = -2.87;
    private const double EnergyInterceptFit = 26.05, EnergyNodeFit = 1.880, EnergyBitsFit = -2.829;

    // CiMLoop's evaluated 22 nm, 1e8 S/s row (Andrulis et al. 2024): bits -> pJ per conversion, 4 to 8 bit (the cap binds there).
    private static readonly (int Bits, double EnergyPj)[] EvaluatedRow = [(4, 0.46), (5, 0.46), (6, 0.53), (8, 0.85)];

    private static readonly Provenance EnobCap = new(
        "Engram: least-squares line through the FoMS implied by CiMLoop's evaluated 22 nm, 1e8 S/s row (4/5/6/8 bit -> 0.46/0.46/0.53/0.85 pJ), computed at load",
        "22 nm", 2024, "hwcomponents-adc caps FoMS per ENOB with a linear max_by_enob table whose values Engram does not have",
        "cap(B) = intercept + slope * B dB, fitted over 4-8 bit");

    /// <summary>The per-ENOB FoMS cap (intercept, slope per bit in dB) that reproduces the evaluated row: each published energy inverted through the fit.</summary>
    internal static readonly (double InterceptDb, double PerBitDb) ResolutionCap = FitResolutionCap();

    private static (double, double) FitResolutionCap()
    {
        var xs = EvaluatedRow.Select(p => (double)p.Bits).ToArray();
        var ys = EvaluatedRow.Select(p =>
        {
            double sndr = (6.02 * p.Bits) + 1.76;
            double scale = Math.Exp(EnergyInterceptFit + (EnergyNodeFit * Math.Log(22)) + (EnergyBitsFit * Math.Log(p.Bits)));
            return sndr + (10 * Math.Log10(scale / (2 * p.EnergyPj)));
        }).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(xs, ys);
        return (intercept, slope);
    }

    private readonly double _areaUm2;
    private readonly double _energyJ;

    public SurveyAdcCost(int bits, double nodeNm, double sampleRateHz = DefaultSampleRateHz)
        : base("adc", ProfileName, nodeNm, nodeNm)
    {
        if (bits is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "ADC bits must be in 1..16");
        }

        if (!(sampleRateHz > 0) || double.IsInfinity(sampleRateHz))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), sampleRateHz, "sample rate must be a positive number of samples per second");
        }

        Bits = bits;
        SampleRateHz = sampleRateHz;
        double fomsInterceptDb = Cite("FomsInterceptDb", FomsInterceptDbFit, CostUnit.Decibel, Fit);
        double fomsSlopeDb = Cite("FomsPerLnRateDb", FomsPerLnRateDbFit, CostUnit.Decibel, Fit);
        double capInterceptDb = Cite("FomsCapInterceptDb", ResolutionCap.InterceptDb, CostUnit.Decibel, EnobCap);
        double capPerBitDb = Cite("FomsCapPerBitDb", ResolutionCap.PerBitDb, CostUnit.Decibel, EnobCap);
        double e0 = Cite("EnergyInterceptExponent", EnergyInterceptFit, CostUnit.Dimensionless, Fit);
        double eNode = Cite("EnergyNodeExponent", EnergyNodeFit, CostUnit.Dimensionless, Fit);
        double eBits = Cite("EnergyBitsExponent", EnergyBitsFit, CostUnit.Dimensionless, Fit);
        double a0 = Cite("AreaInterceptExponent", 1.346, CostUnit.Dimensionless, Fit);
        double aNode = Cite("AreaNodeExponent", 0.993, CostUnit.Dimensionless, Fit);
        double aRate = Cite("AreaRateExponent", 0.181, CostUnit.Dimensionless, Fit);
        double aEnergy = Cite("AreaEnergyExponent", 0.299, CostUnit.Dimensionless, Fit);

        FrequencyLimitDb = fomsInterceptDb + (fomsSlopeDb * Math.Log(sampleRateHz));
        ResolutionLimitDb = capInterceptDb + (capPerBitDb * bits);
        FomsDb = Math.Min(FrequencyLimitDb, ResolutionLimitDb);
        SndrDb = (6.02 * bits) + 1.76;
        double baseEnergy = 1.0 / (2.0 * Math.Pow(10, (FomsDb - SndrDb) / 10.0));
        double energyPj = baseEnergy * Math.Exp(e0 + (eNode * Math.Log(nodeNm)) + (eBits * Math.Log(bits)));
        _energyJ = energyPj * 1e-12;
        _areaUm2 = Math.Exp(a0 + (aNode * Math.Log(nodeNm)) + (aRate * Math.Log(sampleRateHz)) + (aEnergy * Math.Log(energyPj)));
        ConversionLatencyPs = 1e12 / sampleRateHz;
    }

    public int Bits { get; }

    public double SampleRateHz { get; }

    public double FrequencyLimitDb { get; }

    public double ResolutionLimitDb { get; }

    /// <summary>The Schreier figure of merit the model assumes: the lower of the rate and resolution limits.</summary>
    public double FomsDb { get; }

    public double SndrDb { get; }

    public bool IsRateLimited => FrequencyLimitDb < ResolutionLimitDb;

    public double ConversionLatencyPs { get; }

    public ColumnCurrentConvention Convention => ColumnCurrentConvention.InCells;

    public override double AreaUm2 => _areaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    public double ConversionEnergyJ(double columnConductanceS, double readVoltageV) => _energyJ;

    public override ActionCost Cost(string action) =>
        action == Convert ? new(_energyJ, ConversionLatencyPs) : throw UnknownAction(action);

    public override string Explain() =>
        base.Explain() + $"  FoMS = min(rate limit {FrequencyLimitDb:F2} dB, resolution limit {ResolutionLimitDb:F2} dB) = {FomsDb:F2} dB ({(IsRateLimited ? "rate" : "resolution")}-limited) at {SampleRateHz:G3} S/s{Environment.NewLine}";
}
