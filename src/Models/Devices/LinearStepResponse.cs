namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>LinearStepDevice</c>: Δ⁺ = s⁺ + slope⁺·w, Δ⁻ = s⁻ + slope⁻·w with slope± = −γ±·s±/ref±
/// (C++ <c>rpu_linearstep_device.cpp</c>).
/// </summary>
public class LinearStepResponse : PulseResponse
{
    private readonly double[] _slopeUp;
    private readonly double[] _slopeDown;
    private readonly bool _multNoise;

    internal LinearStepResponse(PulseResponseSpec spec, PulsedDeviceSamples samples, LinearStepParameters p, Random rng)
        : base(spec, samples)
    {
        _multNoise = p.MultNoise;
        _slopeUp = new double[samples.Count];
        _slopeDown = new double[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            // Draw only when there is a spread, so SoftBounds (no γ spread) leaves the stream untouched.
            double gammaUp = p.GammaUp + (p.GammaUpDtod > 0 ? p.GammaUpDtod * StandardNormal.Sample(rng) : 0.0);
            double gammaDown = p.GammaDown + (p.GammaDownDtod > 0 ? p.GammaDownDtod * StandardNormal.Sample(rng) : 0.0);
            if (!p.AllowIncreasing)
            {
                gammaUp = Math.Abs(gammaUp);
                gammaDown = Math.Abs(gammaDown);
            }

            double refUp = p.MeanBoundReference ? spec.WMax : samples.MaxBound[i];
            double refDown = p.MeanBoundReference ? spec.WMin : samples.MinBound[i];
            _slopeUp[i] = refUp == 0 ? 0 : -gammaUp * samples.DwMinUp[i] / refUp;
            _slopeDown[i] = refDown == 0 ? 0 : -gammaDown * samples.DwMinDown[i] / refDown;
        }
    }

    public override PulseResponseKind Kind => PulseResponseKind.LinearStep;

    public override double WeightGranularity => Spec.DwMin;

    public override double StepUp(int index, double w) => Samples.DwMinUp[index] + _slopeUp[index] * w;

    public override double StepDown(int index, double w) => Samples.DwMinDown[index] + _slopeDown[index] * w;

    public override double Apply(int index, double w, PulseDirection direction, Random rng)
    {
        if (_multNoise)
        {
            return base.Apply(index, w, direction, rng);
        }

        // Additive form: only the constant part s± carries the noise.
        double sigma = Spec.DwMinStd;
        double xi = sigma > 0 ? sigma * StandardNormal.Sample(rng) : 0.0;
        return direction == PulseDirection.Up
            ? Clip(index, w + _slopeUp[index] * w + Samples.DwMinUp[index] * (1.0 + xi))
            : Clip(index, w - (_slopeDown[index] * w + Samples.DwMinDown[index] * (1.0 + xi)));
    }

    /// <summary>Closed form (§3.4): w* = (s⁺ − s⁻)/(slope⁻ − slope⁺), null when flat or outside the bounds.</summary>
    public override double? SymmetryPoint(int index)
    {
        double denominator = _slopeDown[index] - _slopeUp[index];
        if (Math.Abs(denominator) < 1e-300)
        {
            return null;
        }

        double w = (Samples.DwMinUp[index] - Samples.DwMinDown[index]) / denominator;
        return w >= Samples.MinBound[index] && w <= Samples.MaxBound[index] ? w : null;
    }
}
