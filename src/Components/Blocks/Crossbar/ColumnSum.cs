using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// One column of a read summed over the mapping's arrays in their order, as the converter sees it: the signed current
/// Σ_k sign_k·I_k, the driven conductance Σ_k G_k, the ohmic power Σ_k P_k and the read-noise variance Σ_k sign_k²·σ_k²
/// (before the noise is drawn and the reference column taken off). The one sum for a read through a crossbar and a
/// read straight from the bit lines, so both give the same bits.
/// </summary>
internal struct ColumnSum
{
    public double CurrentA;
    public double ConductanceS;
    public double PowerW;
    public double VarianceA2;

    /// <summary>Adds array <paramref name="k"/> (the first sets the sums, so 0 + x never stands in for x).</summary>
    public void Add(int k, double sign, double currentA, double powerW, double drivenS, double varianceA2)
    {
        PowerW = k == 0 ? powerW : PowerW + powerW;
        VarianceA2 += sign * sign * varianceA2;
        CurrentA = k == 0 ? sign * currentA : CurrentA + (sign * currentA);
        ConductanceS = k == 0 ? drivenS : ConductanceS + drivenS;
    }

    /// <summary>The signed current as read: with one draw of its read noise, of σ = √<see cref="VarianceA2"/>, when <paramref name="noise"/> is given.</summary>
    public readonly double ReadCurrentA(Random? noise) =>
        noise is null ? CurrentA : CurrentA + (Math.Sqrt(VarianceA2) * StandardNormal.Sample(noise));
}
