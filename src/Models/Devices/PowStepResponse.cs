namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>PowStepDevice</c> (C++ <c>rpu_powstep_device.cpp</c>): with R = b_max − b_min,
/// Δ⁺ = s⁺·((b_max − w)/R)^γ⁺ and Δ⁻ = s⁻·((w − b_min)/R)^γ⁻, γ± sampled per device.
/// </summary>
public sealed class PowStepResponse : PulseResponse
{
    private readonly double[] _gammaUp;
    private readonly double[] _gammaDown;

    internal PowStepResponse(PulseResponseSpec spec, PulsedDeviceSamples samples, Random rng)
        : base(spec, samples)
    {
        var p = spec.PowStep;
        double upBias = p.PowUpDown > 0 ? 0.0 : p.PowUpDown;
        double downBias = p.PowUpDown > 0 ? -p.PowUpDown : 0.0;
        _gammaUp = new double[samples.Count];
        _gammaDown = new double[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            double gain = 1.0 + p.PowGammaDtod * StandardNormal.Sample(rng);
            double r = p.PowUpDownDtod * StandardNormal.Sample(rng);
            double up = (upBias + gain + r) * p.PowGamma;
            double down = (downBias + gain - r) * p.PowGamma;
            _gammaUp[i] = spec.EnforceConsistency ? Math.Abs(up) : up;
            _gammaDown[i] = spec.EnforceConsistency ? Math.Abs(down) : down;
        }
    }

    public override PulseResponseKind Kind => PulseResponseKind.PowStep;

    /// <summary>dw_min·0.5^pow_gamma: the step at mid-range (§3.3).</summary>
    public override double WeightGranularity => Spec.DwMin * Math.Pow(0.5, Spec.PowStep.PowGamma);

    public double GammaUp(int index) => _gammaUp[index];

    public double GammaDown(int index) => _gammaDown[index];

    public override double StepUp(int index, double w)
    {
        double range = Samples.MaxBound[index] - Samples.MinBound[index];
        return range <= 0 ? 0.0 : Samples.DwMinUp[index] * Math.Pow(Math.Max((Samples.MaxBound[index] - w) / range, 0.0), _gammaUp[index]);
    }

    public override double StepDown(int index, double w)
    {
        double range = Samples.MaxBound[index] - Samples.MinBound[index];
        return range <= 0 ? 0.0 : Samples.DwMinDown[index] * Math.Pow(Math.Max((w - Samples.MinBound[index]) / range, 0.0), _gammaDown[index]);
    }
}
