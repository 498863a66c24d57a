namespace Engram.Models.Devices;

/// <summary>
/// The bounds [b_min, b_max] of an array's devices, drawn in cell order from a fresh copy of the variation stream as
/// <see cref="PulsedDeviceSamples.Draw"/> draws them (bounds only), but kept as their polar draws: a write that stays
/// surely inside a device's range (most of them) never takes the bounds' logarithms, and one that may reach a bound
/// computes it exactly, so every write gives the bits the drawn bounds give.
/// </summary>
/// <remarks>
/// With consistency enforced, b_min ≤ 0 ≤ b_max, so a value at or below the conductance of weight 0 can only be
/// clamped by b_min and one above it only by b_max: one bound per write at most, one logarithm in the common case.
/// </remarks>
internal sealed class DeferredBounds
{
    private readonly PolarRun _draws;
    private readonly PulseResponseSpec _spec;
    private readonly WeightScale _scale;
    private readonly double _zeroWeightS;
    // ξ(b_min) ≥ _minSlope·G + _minOffset surely leaves G above b_min (NaN when b_min cannot be bounded that way), and
    // likewise ξ(b_max) ≥ _maxSlope·G + _maxOffset below b_max. The margin, 1e-9 of the weight range, is far above
    // the rounding of the bound arithmetic (~1e-15) and far below any distance that matters.
    private readonly double _minSlope = double.NaN;
    private readonly double _minOffset = double.NaN;
    private readonly double _maxSlope = double.NaN;
    private readonly double _maxOffset = double.NaN;
    // ξ at or above these: w_min·(1 + d·ξ) ≤ 0, resp. w_max·(1 + d·ξ) ≥ 0 (−∞ without spread).
    private readonly double _minNonPositiveAt;
    private readonly double _maxNonNegativeAt;
    private PolarDraw _max;
    private PolarDraw _min;

    public DeferredBounds(PulseResponseSpec spec, WeightScale scale, Random variation)
    {
        if (!Applies(spec))
        {
            throw new ArgumentException("deferred bounds need a pulsed model with consistency enforced and no corrupt devices", nameof(spec));
        }

        _spec = spec;
        _scale = scale;
        _draws = new PolarRun(variation);
        _zeroWeightS = scale.ToConductance(0.0);
        double marginW = 1e-9 * Math.Abs(spec.WMax - spec.WMin);
        // The thresholds on ξ are affine in G: w = w_min + (G − G_min)·k, then ξ ≥ (((w ∓ margin)/w_bound) − 1)/d.
        // Their rounding (~1e-16 in ξ) is far inside what the margin adds (margin/(|w_bound|·d) ≥ 1e-9·range/(|w_bound|·d)).
        if (spec.WMin < 0 && spec.WMinDtod > 0)
        {
            _minSlope = scale.WeightPerSiemens / (spec.WMin * spec.WMinDtod);
            _minOffset = ((((spec.WMin - (scale.GminS * scale.WeightPerSiemens) - marginW) / spec.WMin) - 1.0) / spec.WMinDtod);
        }

        if (spec.WMax > 0 && spec.WMaxDtod > 0)
        {
            _maxSlope = scale.WeightPerSiemens / (spec.WMax * spec.WMaxDtod);
            _maxOffset = ((((spec.WMin - (scale.GminS * scale.WeightPerSiemens) + marginW) / spec.WMax) - 1.0) / spec.WMaxDtod);
        }

        _minNonPositiveAt = spec.WMinDtod > 0 ? -1.0 / spec.WMinDtod : double.NegativeInfinity;
        _maxNonNegativeAt = spec.WMaxDtod > 0 ? -1.0 / spec.WMaxDtod : double.NegativeInfinity;
    }

    /// <summary>Whether the draws can be deferred: a pulsed model (not ideal), consistency enforced, no corrupt-device draws.</summary>
    public static bool Applies(PulseResponseSpec spec) =>
        spec.Model != PulseResponseKind.Ideal && spec.EnforceConsistency && spec.CorruptDevicesProb == 0;

    /// <summary>Moves to the next device: ξ(b_max), ξ(b_min), then the two step deviates, consumed as the draws make them.</summary>
    public void Next()
    {
        _draws.Ensure(4);
        _max = _draws.Take();
        _min = _draws.Take();
        _draws.Take();
        _draws.Take();
    }

    /// <summary>
    /// <c>min(max(G, G(b_min)), G(b_max))</c> for the current device, the same bits as with its bounds drawn in full.
    /// </summary>
    public double Clamp(double conductanceS)
    {
        var spec = _spec;
        if (conductanceS <= _zeroWeightS)
        {
            // Only b_min can bind. Surely no clamp when b = w_min·(1 + d·ξ) ≤ w − margin, i.e. ξ ≥ (((w − margin)/w_min) − 1)/d.
            if (!double.IsNaN(_minSlope) && _min.SurelyAtLeast((_minSlope * conductanceS) + _minOffset))
            {
                return conductanceS;
            }

            // b exactly (one logarithm); when surely a ≥ 0 ≥ b, b_min = −|b| with no swap.
            double b = PulsedDeviceSamples.MinBoundOf(spec, _min.Deviate());
            if (b <= 0 && spec.WMax >= 0 && _max.SurelyAtLeast(_maxNonNegativeAt))
            {
                return Math.Max(conductanceS, _scale.ToConductance(-Math.Abs(b)));
            }
        }
        else
        {
            // Only b_max can bind. Surely no clamp when a = w_max·(1 + d·ξ) ≥ w + margin (then b_max ≥ a).
            if (!double.IsNaN(_maxSlope) && _max.SurelyAtLeast((_maxSlope * conductanceS) + _maxOffset))
            {
                return conductanceS;
            }

            double a = PulsedDeviceSamples.MaxBoundOf(spec, _max.Deviate());
            if (a >= 0 && spec.WMin <= 0 && _min.SurelyAtLeast(_minNonPositiveAt))
            {
                return Math.Min(conductanceS, _scale.ToConductance(Math.Abs(a)));
            }
        }

        return Exact(conductanceS);
    }

    // The bounds in full, as PulsedDeviceSamples.Draw makes them with consistency enforced.
    private double Exact(double conductanceS)
    {
        var (bMin, bMax) = PulsedDeviceSamples.Consistent(
            PulsedDeviceSamples.MinBoundOf(_spec, _min.Deviate()), PulsedDeviceSamples.MaxBoundOf(_spec, _max.Deviate()));
        return Math.Min(Math.Max(conductanceS, _scale.ToConductance(bMin)), _scale.ToConductance(bMax));
    }
}
