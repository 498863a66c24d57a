namespace Engram.Models.Devices;

/// <summary>
/// An accepted pair (u, s) of the Marsaglia polar method: the N(0, 1) deviate u·√(−2 ln s / s) of
/// <see cref="StandardNormal.Sample"/>, with the logarithm taken only when the value is asked for. Without it,
/// 1 − s ≤ −ln s ≤ (1 − s)/s (from ln x ≤ x − 1 at x = s and at x = 1/s) bounds the deviate's square, which settles
/// most comparisons against a threshold.
/// </summary>
internal readonly struct PolarDraw(double u, double s)
{
    // Relative slack on the bounds: far above the ~1e-15 rounding of the bound and of the deviate, far below the
    // gap between a bound and the deviate in any comparison it is asked to settle.
    private const double Slack = 1e-9;

    /// <summary>The deviate, as <see cref="StandardNormal.Sample"/> computes it (the same bits).</summary>
    public double Deviate() => u * Math.Sqrt(-2.0 * Math.Log(s) / s);

    /// <summary>Whether the deviate is surely at least <paramref name="threshold"/>; false when the bounds cannot tell (or it is not).</summary>
    public bool SurelyAtLeast(double threshold)
    {
        // ξ² lies in [2u²(1 − s)/s, 2u²(1 − s)/s²]; both sides are multiplied by s² (> 0) to keep divisions out.
        double scaled = 2.0 * u * u * (1.0 - s);
        double thresholdS2 = threshold * threshold * s * s;
        if (threshold <= 0)
        {
            return u >= 0 || scaled * (1.0 + Slack) < thresholdS2;
        }

        return u > 0 && scaled * s * (1.0 - Slack) > thresholdS2;
    }
}
