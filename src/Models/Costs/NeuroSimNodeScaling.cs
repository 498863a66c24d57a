using System.Globalization;

namespace Engram.Models.Costs;

/// <summary>
/// How the "neurosim" profile carries its 22 nm figures to another node, the way NeuroSim does: each factor is
/// NeuroSim's own formula evaluated with the target node's technology parameters (<see cref="NeuroSimTechnology"/>)
/// over the same formula at 22 nm, so 22 nm stays exactly the published figure.
/// <list type="bullet">
/// <item>logic energy: a DFF bit's C·Vdd² (row drivers, adders, registers, shift-add, adder tree, mux);</item>
/// <item>logic latency: the enlarged inverter's R·C;</item>
/// <item>area: F², since NeuroSim lays every planar block out in feature sizes;</item>
/// <item>sense level and sense column: the multi-level sense amplifier's per-level power and column term (flash, sense amp);</item>
/// <item>line: the word-line capacitance (wire plus access gates) that a source-line switch charges.</item>
/// </list>
/// Between two NeuroSim nodes the factors are interpolated linearly in the node, as CiMLoop's NeuroSim plug-in
/// interpolates NeuroSim's outputs (accelergywrapper.py L352-L368). Below 22 nm NeuroSim switches to FinFET formulas
/// that Engram does not model: <see cref="At"/> returns null and the models fall back to Stillmaker–Baas from 22 nm.
/// </summary>
public sealed record NeuroSimNodeScaling(
    double NodeNm,
    double LogicEnergyRatio,
    double LogicLatencyRatio,
    double AreaRatio,
    double SenseLevelRatio,
    double SenseColumnRatio,
    double LineCapacitanceRatio,
    string Description)
{
    /// <summary>Column resistance at which the sense column term is compared across nodes: one ON cell of the reference device in series with its access transistor.</summary>
    private const double ReferenceColumnResistanceOhm = NeuroSimReference.OnResistanceOhm + NeuroSimReference.AccessResistanceOhm;

    /// <summary>Cells per word line and cell width (√48 F) of the reference 128×128, 48 F² array.</summary>
    private const int ReferenceRowCells = 128;

    private static readonly double ReferenceCellWidthFeatureCount = Math.Sqrt(NeuroSimReference.CellAreaFeatureCount);

    /// <summary>The factors at a node, or null below 22 nm (FinFET in NeuroSim, not modelled) or outside NeuroSim's nodes.</summary>
    public static NeuroSimNodeScaling? At(double nodeNm)
    {
        if (!(nodeNm >= NeuroSimTechnology.SmallestNodeNm - 1e-9 && nodeNm <= NeuroSimTechnology.LargestNodeNm + 1e-9))
        {
            return null;
        }

        if (NeuroSimTechnology.At(nodeNm) is { } exact)
        {
            return Evaluate(exact);
        }

        var nodes = NeuroSimTechnology.Nodes;
        for (int i = 0; i < nodes.Count - 1; i++)
        {
            var big = nodes[i];
            var small = nodes[i + 1];
            if (nodeNm < big.NodeNm && nodeNm > small.NodeNm)
            {
                double f = (big.NodeNm - nodeNm) / (big.NodeNm - small.NodeNm);
                var a = Evaluate(big);
                var b = Evaluate(small);
                double Mix(double x, double y) => x + ((y - x) * f);
                return new NeuroSimNodeScaling(
                    nodeNm,
                    Mix(a.LogicEnergyRatio, b.LogicEnergyRatio),
                    Mix(a.LogicLatencyRatio, b.LogicLatencyRatio),
                    Mix(a.AreaRatio, b.AreaRatio),
                    Mix(a.SenseLevelRatio, b.SenseLevelRatio),
                    Mix(a.SenseColumnRatio, b.SenseColumnRatio),
                    Mix(a.LineCapacitanceRatio, b.LineCapacitanceRatio),
                    string.Create(CultureInfo.InvariantCulture,
                        $"NeuroSim per-node scaling, interpolated linearly between NeuroSim's {small.NodeNm:G4} and {big.NodeNm:G4} nm (as CiMLoop's plug-in does)"));
            }
        }

        return null;
    }

    /// <summary>How a model at this node is scaled from 22 nm, for provenance strings.</summary>
    public static string Describe(string profile, double nodeNm) =>
        profile == NeuroSimReference.Profile && At(nodeNm) is { } s
            ? s.Description
            : profile == NeuroSimReference.Profile
                ? string.Create(CultureInfo.InvariantCulture, $"NeuroSim defines no planar node at {nodeNm:G4} nm (FinFET below 22 nm, not modelled): Stillmaker-Baas scaling from 22 nm")
                : "Stillmaker-Baas scaling from 22 nm";

    private static NeuroSimNodeScaling Evaluate(NeuroSimTechnology node)
    {
        var reference = NeuroSimTechnology.At(NeuroSimReference.NodeNm)!;
        double feature = node.NodeNm / reference.NodeNm;
        return new NeuroSimNodeScaling(
            node.NodeNm,
            node.LogicEnergyJ / reference.LogicEnergyJ,
            node.LogicDelayS / reference.LogicDelayS,
            feature * feature,
            node.SenseLevelEnergyJ / reference.SenseLevelEnergyJ,
            node.SenseColumnPowerW(ReferenceColumnResistanceOhm) / reference.SenseColumnPowerW(ReferenceColumnResistanceOhm),
            node.WordLineCapF(ReferenceRowCells, ReferenceCellWidthFeatureCount) / reference.WordLineCapF(ReferenceRowCells, ReferenceCellWidthFeatureCount),
            string.Create(CultureInfo.InvariantCulture,
                $"NeuroSim per-node scaling from 22 nm ({NeuroSimTechnology.Source}, {node.NodeNm:G4} nm: {node.Lines})"));
    }
}
