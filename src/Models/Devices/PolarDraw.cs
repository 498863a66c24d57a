namespace Engram.Models.Devices;

/// <summary>
/// An accepted pair (u, s) of the Marsaglia polar method: the N(0, 1) deviate u·√(−2 ln s / s) of
/// <see cref="StandardNormal.Sample"/>, with the logarithm taken only when the value is asked for. Without it,
/// 2(1 − s)/(1 + s) ≤ −ln s ≤ (1 − s²)/(2s) (from 2(x − 1)/(x + 1) ≤ ln x ≤ (x − 1/x)/2 for x = 1/s ≥ 1) bounds the
/// deviate's square within a few per cent for most s, which settles most comparisons against a threshold.
/// </summary>
internal readonly struct PolarDraw(double u, double s)
{
    // Relative slack on the bounds: far above the ~1e-15 rounding of the bound and of the deviate, far below the
    // gap between a bound and the deviate in any comparison it is asked to settle.
    private const double Slack = 1e-9;

    /// <summary>The deviate, as <see cref="StandardNormal.Sample"/> computes it (the same bits).</summary>
    public double Deviate() => u * StandardNormal.PolarFactor(s);

    /// <summary>Whether the deviate is surely at least <paramref name="threshold"/>; false when the bounds cannot tell (or it is not).</summary>
    public bool SurelyAtLeast(double threshold)
    {
        // ξ² = u²·(−2 ln s)/s lies in [4u²(1 − s)/(s(1 + s)), u²(1 − s²)/s²]; both sides are multiplied by s²(1 + s)
        // (> 0) to keep divisions out.
        // Near s = 1, 1 − s and 1 − s² lose digits to cancellation: there the logarithm decides (a 1e-6 chance).
        if (s > 1.0 - 1e-6)
        {
            return false;
        }

        double u2 = u * u;
        double thresholdS2 = threshold * threshold * s * s;
        if (threshold <= 0)
        {
            return u >= 0 || u2 * (1.0 - (s * s)) * (1.0 + Slack) < thresholdS2;
        }

        return u > 0 && 4.0 * u2 * (1.0 - s) * s * (1.0 - Slack) > thresholdS2 * (1.0 + s);
    }
}
