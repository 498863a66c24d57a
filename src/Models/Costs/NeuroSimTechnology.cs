namespace Engram.Models.Costs;

/// <summary>
/// NeuroSim's technology parameters of one planar LSTP node (PTM low-power models), and the few circuit
/// formulas of NeuroSim the "neurosim" profile needs to carry its 22 nm figures to another node the way
/// NeuroSim itself does. Sources: DNN_NeuroSim_V1.3 <c>Technology.cpp</c> (as shipped in CiMLoop's NeuroSim
/// plug-in, <c>drop_in/Technology.cpp</c>), <c>formula.cpp</c>, <c>constant.h</c>, <c>DFF.cpp</c>, <c>SubArray.cpp</c>
/// and <c>MultilevelSenseAmp.cpp</c>. Widths and lengths are in metres, capacitances in farads, as in NeuroSim.
/// </summary>
public sealed record NeuroSimTechnology(
    double NodeNm,
    double VddV,
    double IdealGateCapFPerM,
    double FringeCapFPerM,
    double NmosOnCurrentAPerM,
    double PmosOnCurrentAPerM,
    double EffectiveResistanceRatio,
    double SenseLevelPowerUw,
    double SenseColumnPowerWOhm,
    double SenseColumnExponent,
    string Lines)
{
    // Layout rules in feature sizes (NeuroSim constant.h L50-L63): minimum NMOS width, standard-cell height,
    // P-to-N diffusion gap, poly extension, field-poly gap, gate-poly gap (= drain width).
    private const double MinNmosFeatureCount = 2;
    private const double CellHeightFeatureCount = 28;
    private const double PnGapFeatureCount = 3.5;
    private const double PolyExtensionFeatureCount = 1.0;
    private const double FieldPolyGapFeatureCount = 1.6;
    private const double DrainWidthFeatureCount = 2.8;

    // Junction capacitances at zero bias (NeuroSim Technology.cpp L1469-L1476): bottom 1e-3 F/m^2, isolation
    // sidewall 2.5e-10 F/m, gate-edge sidewall 0.5e-10 F/m, grading 0.5 / 0.33 / 0.33, built-in potential 0.9 V.
    private const double BottomJunctionCapFPerM2 = 1e-3;
    private const double SidewallCapFPerM = 2.5e-10;
    private const double GateEdgeCapFPerM = 0.5e-10;
    private const double BuiltInPotentialV = 0.9;

    /// <summary>Wire capacitance NeuroSim charges per metre of array line (SubArray.cpp L142-L144: 0.2 fF/um).</summary>
    private const double LineCapFPerM = 0.2e-15 / 1e-6;

    public const string Source = "NeuroSim V1.3 (DNN_NeuroSim_V1.3, as in CiMLoop's NeuroSim plug-in) Technology.cpp LSTP/LP parameters";

    /// <summary>
    /// The planar nodes NeuroSim defines (Technology.cpp, conventional transistors, LP branch used for LSTP).
    /// Each row: Vdd, capIdealGate, capFringe, on-currents of NMOS and PMOS at 300 K (uA/um = A/m), effective
    /// resistance multiplier; then the current-mode LP multi-level sense amplifier's power per output level and
    /// its column term c·exp(k·log10 R) (MultilevelSenseAmp.cpp L356-L384). 14, 10 and 7 nm are FinFETs in
    /// NeuroSim, with other capacitance formulas, and are not modelled here.
    /// </summary>
    public static readonly IReadOnlyList<NeuroSimTechnology> Nodes =
    [
        // Technology.cpp L118-L139 (130 nm LP: vdd 1.3, capIdealGate 1.8574e-9, capFringe 9.530642e-10, Ion 300.70/150.70, x1.54); MultilevelSenseAmp.cpp L357-L359
        new(130, 1.3, 1.8574e-9, 9.530642e-10, 300.70, 150.70, 1.54, 18.09, 0.1380, -2.303, "Technology.cpp L118-L139; MultilevelSenseAmp.cpp L357-L359"),
        // Technology.cpp L230-L251 (90 nm LP; capIdealGate is 1.5413e-10 in NeuroSim, an order below its neighbours, used as NeuroSim uses it); MultilevelSenseAmp.cpp L360-L362
        new(90, 1.2, 1.5413e-10, 9.601334e-10, 346.30, 200.30, 1.77, 12.612, 0.1023, -2.303, "Technology.cpp L230-L251; MultilevelSenseAmp.cpp L360-L362"),
        // Technology.cpp L342-L363 (65 nm LP); MultilevelSenseAmp.cpp L363-L365
        new(65, 1.1, 1.1926e-9, 9.62148e-10, 400.00, 238.70, 1.77, 8.4147, 0.0972, -2.303, "Technology.cpp L342-L363; MultilevelSenseAmp.cpp L363-L365"),
        // Technology.cpp L454-L475 (45 nm LP: vdd 1.0, capIdealGate 8.930709e-10, capFringe 8.849901e-10, Ion 500.20/300.00); MultilevelSenseAmp.cpp L366-L368
        new(45, 1.0, 8.930709e-10, 8.849901e-10, 500.20, 300.00, 1.77, 6.3162, 0.075, -2.303, "Technology.cpp L454-L475; MultilevelSenseAmp.cpp L366-L368"),
        // Technology.cpp L566-L587 (32 nm LP: vdd 0.9, capIdealGate 8.375279e-10, capFringe 6.856677e-10, Ion 600.20/400.00); MultilevelSenseAmp.cpp L369-L371
        new(32, 0.9, 8.375279e-10, 6.856677e-10, 600.20, 400.00, 1.77, 3.0875, 0.0649, -2.297, "Technology.cpp L566-L587; MultilevelSenseAmp.cpp L369-L371"),
        // Technology.cpp L678-L699 (22 nm LP: vdd 0.85, capIdealGate 5.245e-10, capFringe 8.004e-10, Ion 791.90/600.20); MultilevelSenseAmp.cpp L372-L374
        new(22, 0.85, 5.245e-10, 8.004e-10, 791.90, 600.20, 1.77, 1.7, 0.0631, -2.303, "Technology.cpp L678-L699; MultilevelSenseAmp.cpp L372-L374"),
    ];

    public static double SmallestNodeNm => Nodes[^1].NodeNm;

    public static double LargestNodeNm => Nodes[0].NodeNm;

    /// <summary>The node's parameters, or null when NeuroSim defines no planar node there.</summary>
    public static NeuroSimTechnology? At(double nodeNm) => Nodes.FirstOrDefault(n => Math.Abs(n.NodeNm - nodeNm) < 1e-9);

    public double FeatureM => NodeNm * 1e-9;

    /// <summary>PMOS/NMOS width ratio for equal drive (Technology.cpp, pnSizeRatio = Ion,n / Ion,p).</summary>
    public double PnSizeRatio => NmosOnCurrentAPerM / PmosOnCurrentAPerM;

    // Overlap capacitance is 0.2 capIdealGate at planar nodes (Technology.cpp L1461-L1462).
    private double GateCapFPerM => IdealGateCapFPerM * 1.2 + FringeCapFPerM;

    // The junction capacitances fall with reverse bias Vdd (Technology.cpp L1476-L1478).
    private double BottomJunctionFPerM2 => BottomJunctionCapFPerM2 / Math.Pow(1 + (VddV / BuiltInPotentialV), 0.5);

    private double SidewallFPerM => SidewallCapFPerM / Math.Pow(1 + (VddV / BuiltInPotentialV), 0.33);

    private double GateEdgeFPerM => GateEdgeCapFPerM / Math.Pow(1 + (VddV / BuiltInPotentialV), 0.33);

    /// <summary>Gate capacitance of a transistor of the given width (formula.cpp L50-L60, planar; poly-wire term 0).</summary>
    public double GateCapF(double widthM) => GateCapFPerM * widthM;

    /// <summary>Drain capacitance of an unfolded transistor (formula.cpp L240-L412, inverter): bottom, sidewalls, gate edge.</summary>
    public double DrainCapF(double widthM)
    {
        double drainWidthM = DrainWidthFeatureCount * FeatureM;
        return (drainWidthM * widthM * BottomJunctionFPerM2) + (((2 * drainWidthM) + widthM) * SidewallFPerM) + (widthM * GateEdgeFPerM);
    }

    /// <summary>
    /// NMOS and PMOS widths of NeuroSim's minimum inverter after <c>EnlargeSize</c> fills the standard-cell height
    /// (formula.cpp L558-L585; DFF.cpp L61-L67): 2F and pnSizeRatio·2F, widened to share 28F − 3.5F − 3.6F.
    /// </summary>
    public (double NmosM, double PmosM) InverterWidthsM()
    {
        double n = MinNmosFeatureCount * FeatureM;
        double p = PnSizeRatio * n;
        double ratio = p / (p + n);
        double maxP = ratio * ((CellHeightFeatureCount - PnGapFeatureCount - ((PolyExtensionFeatureCount + (FieldPolyGapFeatureCount / 2)) * 2)) * FeatureM);
        double maxN = maxP / ratio * (1 - ratio);
        return p < maxP && n < maxN ? (maxN, maxP) : (n, p);
    }

    /// <summary>
    /// Switched capacitance of one NeuroSim DFF bit per clocked write (DFF.cpp L165-L172): four clock inverters,
    /// two transmission gates' gates, and the D, feedback and Q paths. NeuroSim's digital blocks are built from
    /// the same enlarged minimum devices, so this is the unit their energies scale with.
    /// </summary>
    public double DffBitCapF()
    {
        var (n, p) = InverterWidthsM();
        double inputF = GateCapF(n) + GateCapF(p);
        double outputF = DrainCapF(n) + DrainCapF(p);
        double tgDrainF = outputF;
        return ((inputF + outputF) * 4) + (GateCapF(n) * 2) + (GateCapF(p) * 2)
            + ((tgDrainF * 3) + inputF) + (tgDrainF + outputF) + (inputF + outputF);
    }

    /// <summary>Energy of one DFF bit write, C·Vdd² (DFF.cpp L165-L172, before the 0.5 activity factor).</summary>
    public double LogicEnergyJ => DffBitCapF() * VddV * VddV;

    /// <summary>
    /// RC time constant of the enlarged inverter driving its own load: R = multiplier·Vdd / (Ion,n·W_n)
    /// (formula.cpp CalculateOnResistance) times gate plus drain capacitance; NeuroSim's gate delays follow it.
    /// </summary>
    public double LogicDelayS
    {
        get
        {
            var (n, p) = InverterWidthsM();
            double resistanceOhm = EffectiveResistanceRatio * VddV / (NmosOnCurrentAPerM * n);
            return resistanceOhm * (GateCapF(n) + GateCapF(p) + DrainCapF(n) + DrainCapF(p));
        }
    }

    /// <summary>
    /// Capacitance of one 1T1R word line: 0.2 fF/um of wire over the row plus the gate of every access transistor
    /// (SubArray.cpp L142-L156; access width 1F, default_config.cfg L41).
    /// </summary>
    public double WordLineCapF(int cells, double cellWidthFeatureCount) =>
        cells * ((cellWidthFeatureCount * FeatureM * LineCapFPerM) + GateCapF(FeatureM));

    /// <summary>Energy of one sense-amplifier level over its 1 ns conversion (MultilevelSenseAmp.cpp, current mode, LP).</summary>
    public double SenseLevelEnergyJ => SenseLevelPowerUw * 1e-6 * 1e-9;

    /// <summary>Column power of the sense amplifier at the given column resistance: c·exp(k·log10 R) W.</summary>
    public double SenseColumnPowerW(double columnResistanceOhm) => SenseColumnPowerWOhm * Math.Exp(SenseColumnExponent * Math.Log10(columnResistanceOhm));
}
