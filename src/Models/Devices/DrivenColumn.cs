namespace Engram.Models.Devices;

/// <summary>
/// A bit line read with every word line at one |V| (a binary state), from its single-precision cells and its kept sums:
/// the current as one dot product, the ohmic power V²·Σ G, the driven conductance Σ G and the read-noise variance
/// σ²·V²·Σ G². The one formula for an array's own read and a read straight from a shared buffer, so both give the same bits.
/// </summary>
internal static class DrivenColumn
{
    /// <summary>
    /// The read-noise variance per Σ G² of a bit line whose word lines are all at V² = <paramref name="squareV2"/>, with the
    /// weight its mapping gives the array (sign²): weight·σ²·V², the factor of a whole-array read's noise.
    /// </summary>
    public static double VarianceFactor(double weight, double sigma, double squareV2) => weight * sigma * sigma * squareV2;

    public static double Read(ReadOnlySpan<float> cells, ReadOnlySpan<float> rowVoltagesV, double sumS, double squareSumS2, double squareV2, double sigma, out double powerW, out double drivenS, out double noiseVarianceA2)
    {
        drivenS = sumS;
        powerW = squareV2 * sumS;
        noiseVarianceA2 = sigma * sigma * squareV2 * squareSumS2;
        return SingleDot.Of(cells, rowVoltagesV);
    }
}
