namespace Engram.Models.Devices;

/// <summary>
/// The per-cross-point hidden parameters every aihwkit <c>PulsedDevice</c> samples at construction
/// (aihwkit C++ <c>PulsedRPUDevice::populate</c>): bounds, step scales, corrupt flags.
/// </summary>
public sealed class PulsedDeviceSamples
{
    private PulsedDeviceSamples(int count)
    {
        MaxBound = new double[count];
        MinBound = new double[count];
        DwMinUp = new double[count];
        DwMinDown = new double[count];
        Corrupt = new bool[count];
    }

    public double[] MaxBound { get; }

    public double[] MinBound { get; }

    public double[] DwMinUp { get; }

    public double[] DwMinDown { get; }

    public bool[] Corrupt { get; }

    public int Count => MaxBound.Length;

    /// <summary>Draws, per cross-point and in this order: ξ(b_max), ξ(b_min), ξ(gain), ξ(up/down), then the corruption draws.</summary>
    public static PulsedDeviceSamples Sample(PulseResponseSpec spec, int count, Random rng)
    {
        var s = new PulsedDeviceSamples(count);
        for (int i = 0; i < count; i++)
        {
            var d = Draw(spec, rng);
            s.MaxBound[i] = d.MaxBound;
            s.MinBound[i] = d.MinBound;
            s.DwMinUp[i] = d.DwMinUp;
            s.DwMinDown[i] = d.DwMinDown;
            s.Corrupt[i] = d.Corrupt;
        }

        return s;
    }

    /// <summary>
    /// The next cross-point's parameters from <paramref name="rng"/>: the one place the draws are made, so a
    /// population sampled at once and one walked device by device (<see cref="DeviceRangeCursor"/>) agree bit for bit.
    /// </summary>
    /// <param name="boundsOnly">Only the bounds are wanted: the step draws are consumed but not turned into steps (which are then 0).</param>
    internal static PulsedDeviceDraw Draw(PulseResponseSpec spec, Random rng, bool boundsOnly = false)
    {
        if (spec.Model == PulseResponseKind.Ideal)
        {
            return new PulsedDeviceDraw(spec.WMax, spec.WMin, spec.DwMin, spec.DwMin, false);
        }

        double bMax = MaxBoundOf(spec, StandardNormal.Sample(rng));
        double bMin = MinBoundOf(spec, StandardNormal.Sample(rng));
        double sUp = 0, sDown = 0;
        if (boundsOnly)
        {
            StandardNormal.Skip(rng);
            StandardNormal.Skip(rng);
        }
        else
        {
            (sUp, sDown) = Steps(spec, rng);
        }

        if (spec.EnforceConsistency)
        {
            sUp = Math.Abs(sUp);
            sDown = Math.Abs(sDown);
            (bMin, bMax) = Consistent(bMin, bMax);
        }
        else if (bMin > bMax)
        {
            // A dead device: aihwkit collapses both bounds to their midpoint.
            double mid = 0.5 * (bMin + bMax);
            bMin = mid;
            bMax = mid;
        }

        if (spec.CorruptDevicesProb > 0 && rng.NextDouble() < spec.CorruptDevicesProb)
        {
            double stuck = spec.CorruptDevicesRange * (2.0 * rng.NextDouble() - 1.0);
            return new PulsedDeviceDraw(stuck, stuck, 0, 0, true);
        }

        return new PulsedDeviceDraw(bMax, bMin, sUp, sDown, false);
    }

    /// <summary>A device's drawn b_max for deviate ξ: w_max·(1 + w_max_dtod·ξ) (before consistency).</summary>
    internal static double MaxBoundOf(PulseResponseSpec spec, double xi) => spec.WMax * (1.0 + (spec.WMaxDtod * xi));

    /// <summary>A device's drawn b_min for deviate ξ: w_min·(1 + w_min_dtod·ξ) (before consistency).</summary>
    internal static double MinBoundOf(PulseResponseSpec spec, double xi) => spec.WMin * (1.0 + (spec.WMinDtod * xi));

    /// <summary>aihwkit's enforced consistency of drawn bounds: ordered, then b_min ≤ 0 ≤ b_max.</summary>
    internal static (double Min, double Max) Consistent(double bMin, double bMax)
    {
        if (bMin > bMax)
        {
            (bMin, bMax) = (bMax, bMin);
        }

        return (-Math.Abs(bMin), Math.Abs(bMax));
    }

    /// <summary>s⁺, s⁻ from ξ(gain) and ξ(up/down), in that order.</summary>
    private static (double Up, double Down) Steps(PulseResponseSpec spec, Random rng)
    {
        // up_down only weakens the opposite direction (C++ populate; the docstring formula differs).
        double upBias = spec.UpDown > 0 ? 0.0 : spec.UpDown;
        double downBias = spec.UpDown > 0 ? -spec.UpDown : 0.0;
        double xiGain = StandardNormal.Sample(rng);
        double gain = spec.DwMinDtodLogNormal ? Math.Exp(spec.DwMinDtod * xiGain) : 1.0 + spec.DwMinDtod * xiGain;
        double r = spec.UpDownDtod * StandardNormal.Sample(rng);
        double sUp = (upBias + gain + r) * spec.DwMin;
        double sDown = (downBias + gain - r) * spec.DwMin;
        return (sUp, sDown);
    }
}
