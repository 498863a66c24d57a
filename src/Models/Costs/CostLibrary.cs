namespace Engram.Models.Costs;

/// <summary>
/// The cost models of one profile at one node. "neurosim" uses NeuroSim's 22 nm figures and closed forms;
/// "survey" swaps in the survey-fitted ADC and keeps NeuroSim's rows and cells (as CiMLoop does);
/// "isaac" uses ISAAC's 32 nm constants and falls back to NeuroSim where ISAAC publishes nothing
/// (the model's <see cref="IComponentCostModel.Profile"/> then names NeuroSim, and its provenance too).
/// </summary>
public sealed class CostLibrary
{
    public const string NeuroSim = NeuroSimReference.Profile;
    public const string Survey = SurveyAdcCost.ProfileName;
    public const string Isaac = IsaacReference.Profile;

    public static readonly IReadOnlyList<string> Profiles = [NeuroSim, Survey, Isaac];

    public CostLibrary(string profile, double nodeNm)
    {
        if (!Profiles.Contains(profile))
        {
            throw new ArgumentException($"unknown cost profile '{profile}'; profiles: {string.Join(", ", Profiles)}", nameof(profile));
        }

        if (!(nodeNm >= TechnologyScaling.MinNodeNm && nodeNm <= TechnologyScaling.MaxNodeNm))
        {
            throw new ArgumentOutOfRangeException(nameof(nodeNm), nodeNm, $"technology node must be in [{TechnologyScaling.MinNodeNm}, {TechnologyScaling.MaxNodeNm}] nm");
        }

        Profile = profile;
        NodeNm = nodeNm;
    }

    public string Profile { get; }

    public double NodeNm { get; }

    public IComponentCostModel Cells() => Profile == Isaac ? new IsaacCrossbarCost(NodeNm) : new CellArrayCost(NodeNm, Profile);

    /// <summary>NeuroSim's 1T1R cell physics (read and write energy from conductance); every profile writes cells this way.</summary>
    public CellArrayCost CellPhysics() => new(NodeNm, Profile == Isaac ? NeuroSim : Profile);

    public IComponentCostModel RowDriver() => Profile == Isaac ? new IsaacDacCost(NodeNm) : new RowDriverCost(NodeNm, Profile);

    public SenseAmpCost SenseAmp() => new(NodeNm, Profile == Isaac ? NeuroSim : Profile);

    public IAdcCostModel Adc(AdcKind kind, int bits, double sampleRateHz = SurveyAdcCost.DefaultSampleRateHz) => Profile switch
    {
        Survey => new SurveyAdcCost(bits, NodeNm, sampleRateHz),
        Isaac when kind == AdcKind.Sar => new IsaacAdcCost(bits, NodeNm),
        _ => kind == AdcKind.Sar ? new SarAdcCost(bits, NodeNm, ProfileLabel) : new FlashAdcCost(bits, NodeNm, ProfileLabel),
    };

    public IComponentCostModel ShiftAdd() => Profile == Isaac
        ? new DigitalBlockCost("shift_add", "shift_add", Isaac, NodeNm, IsaacReference.NodeNm,
            IsaacReference.Figure("shift-and-add 0.05 mW, 60 um^2 at 1.28 GHz: 0.05 mW x 781.25 ps = 39.06 fJ per op", "Stillmaker-Baas scaling from 32 nm"),
            energyJ: 0.05e-3 * IsaacReference.CyclePs * 1e-12, latencyPs: IsaacReference.CyclePs, areaUm2: 60)
        : new DigitalBlockCost("shift_add", "shift_add", ProfileLabel, NodeNm, NeuroSimReference.NodeNm,
            NeuroSimReference.Figure("shift-add (16-bit adder + 8-bit shift register) 78 fJ, 52 um^2, 1.5 ns, leakage 5.9 nW", ScaledFrom22 + ShiftAddLatencyNote),
            energyJ: 78e-15, latencyPs: 1_500, areaUm2: 52, leakageW: 5.9e-9, latencyRatio: ShiftAddLatencyRatio());

    /// <summary>Ripple adder: energy, area and delay linear in width (NeuroSim's 16-bit figure).</summary>
    public IComponentCostModel Adder(int bits = 16) => new DigitalBlockCost("adder", "add", ProfileLabel, NodeNm, NeuroSimReference.NodeNm,
        NeuroSimReference.Figure("16-bit ripple adder 17.1 fJ, 22 um^2, 1.0 ns per add", ScaledFrom22 + "; linear in width"),
        energyJ: 17.1e-15, latencyPs: 1_000, areaUm2: 22, energyAndAreaRatio: CheckWidth(bits) / 16.0, latencyRatio: bits / 16.0);

    /// <summary>DFF register: energy and area linear in width; its write completes at the clock edge that charges it.</summary>
    public IComponentCostModel Register(int bits = 16) => new DigitalBlockCost("register", "write", ProfileLabel, NodeNm, NeuroSimReference.NodeNm,
        NeuroSimReference.Figure("16-bit DFF register 40.8 fJ (2.6 fJ/bit) per clocked write, 19.8 um^2; no delay beyond the clock period", ScaledFrom22 + "; linear in width"),
        energyJ: 40.8e-15, latencyPs: 0, areaUm2: 19.8, energyAndAreaRatio: CheckWidth(bits) / 16.0);

    /// <summary>Adder tree with 16-bit leaves: n − 1 adders, ⌈log2 n⌉ levels (NeuroSim's 8-input figure).</summary>
    public IComponentCostModel AdderTree(int inputs = 8)
    {
        if (inputs < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "an adder tree needs at least 2 inputs");
        }

        return new DigitalBlockCost("adder_tree", "reduce", ProfileLabel, NodeNm, NeuroSimReference.NodeNm,
            NeuroSimReference.Figure("8-input adder tree (16-bit leaves) 131 fJ, 171 um^2, 3.4 ns", ScaledFrom22 + "; x(n-1)/7 adders, x ceil(log2 n)/3 levels"),
            energyJ: 131e-15, latencyPs: 3_400, areaUm2: 171,
            energyAndAreaRatio: (inputs - 1) / 7.0, latencyRatio: Math.Ceiling(Math.Log2(inputs)) / 3.0);
    }

    public IComponentCostModel Mux() => new DigitalBlockCost("mux", "select", ProfileLabel, NodeNm, NeuroSimReference.NodeNm,
        NeuroSimReference.Figure("8:1 mux + decoder (16-bit) 5.1 fJ, 21 um^2; no delay published", ScaledFrom22),
        energyJ: 5.1e-15, latencyPs: 0, areaUm2: 21);

    public WireCost Wire(double lengthUm, double vddV) => new(lengthUm, vddV, NodeNm);

    /// <summary>ISAAC's 64 KB eDRAM buffer, per 256-bit access; every profile uses it (NeuroSim's table has no buffer). Latency: one 1.28 GHz cycle (assumption).</summary>
    public IComponentCostModel Buffer() => new DigitalBlockCost("buffer", "access_256b", Isaac, NodeNm, IsaacReference.NodeNm,
        IsaacReference.Figure("eDRAM buffer 64 KB: 20.45 pJ per 256-bit access, 0.083 mm^2", "Stillmaker-Baas scaling from 32 nm; latency one 1.28 GHz cycle (Engram assumption)"),
        energyJ: 20.45e-12, latencyPs: IsaacReference.CyclePs, areaUm2: 0.083e6);

    /// <summary>ISAAC's on-chip router, per 256-bit transfer; every profile uses it. Latency: one 1.28 GHz cycle per hop (assumption).</summary>
    public IComponentCostModel Router() => new DigitalBlockCost("router", "transfer_256b", Isaac, NodeNm, IsaacReference.NodeNm,
        IsaacReference.Figure("router: 20.74 pJ per 256-bit transfer (no area published)", "Stillmaker-Baas scaling from 32 nm; latency one 1.28 GHz cycle per hop (Engram assumption)"),
        energyJ: 20.74e-12, latencyPs: IsaacReference.CyclePs, areaUm2: 0);

    // NeuroSim's own per-node scaling where it defines the node, else Stillmaker-Baas (NeuroSimNodeScaling.Describe).
    private string ScaledFrom22 => NeuroSimNodeScaling.Describe(ProfileLabel, NodeNm);

    // NeuroSim's shift-add delay is its adder's (1.0 ns at 22 nm, a logic delay) plus the register's 0.5 ns clock phase,
    // which NeuroSim keeps at every node (DFF latency = half the 1 GHz clock; ShiftAdd.cpp, DFF.cpp). Only the adder part scales.
    private const double ShiftAddAdderPs = 1_000;
    private const double ShiftAddRegisterPs = 500;

    private string ShiftAddLatencyNote => NeuroSimNodeScaling.At(NodeNm) is not null && ProfileLabel == NeuroSim
        ? "; latency: 1.0 ns adder x logic delay + 0.5 ns register clock phase (not scaled)"
        : string.Empty;

    private double ShiftAddLatencyRatio()
    {
        if (ProfileLabel != NeuroSim || NeuroSimNodeScaling.At(NodeNm) is not { } node)
        {
            return 1;
        }

        // DigitalBlockCost multiplies by the logic-latency factor; this ratio leaves the register phase unscaled.
        return ((ShiftAddAdderPs * node.LogicLatencyRatio) + ShiftAddRegisterPs) / ((ShiftAddAdderPs + ShiftAddRegisterPs) * node.LogicLatencyRatio);
    }

    private string ProfileLabel => Profile == Isaac ? NeuroSim : Profile;

    private static int CheckWidth(int bits) =>
        bits is >= 1 and <= 64 ? bits : throw new ArgumentOutOfRangeException(nameof(bits), bits, "width must be in 1..64 bits");
}
