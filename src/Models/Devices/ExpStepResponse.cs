namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>ExpStepDevice</c> (C++ <c>rpu_expstep_device.cpp</c>): with z = 2a·w/(b_max − b_min) + b,
/// Δ⁺ = s⁺·max(1 − A_up·e^(γ_up·z), 0) and Δ⁻ = s⁻·max(1 − A_down·e^(−γ_down·z), 0).
/// </summary>
public sealed class ExpStepResponse : PulseResponse
{
    private readonly ExpStepParameters _p;

    internal ExpStepResponse(PulseResponseSpec spec, PulsedDeviceSamples samples)
        : base(spec, samples)
    {
        _p = spec.ExpStep;
    }

    public override PulseResponseKind Kind => PulseResponseKind.ExpStep;

    /// <summary>The down step at w = 0 with mean parameters (aihwkit averages the down step with itself, §3.3).</summary>
    public override double WeightGranularity => Spec.DwMin * DownFactor(_p.B);

    public override double StepUp(int index, double w)
    {
        double range = Samples.MaxBound[index] - Samples.MinBound[index];
        return range <= 0 ? 0.0 : Samples.DwMinUp[index] * UpFactor(Z(w, range));
    }

    public override double StepDown(int index, double w)
    {
        double range = Samples.MaxBound[index] - Samples.MinBound[index];
        return range <= 0 ? 0.0 : Samples.DwMinDown[index] * DownFactor(Z(w, range));
    }

    public override double Apply(int index, double w, PulseDirection direction, Random rng)
    {
        double sigma = Spec.DwMinStd;
        bool complexNoise = sigma > 0 && (_p.DwMinStdAdd != 0 || _p.DwMinStdSlope != 0);
        if (!complexNoise)
        {
            return base.Apply(index, w, direction, rng);
        }

        // "Complex noise": the std grows with the step, a constant and |w|.
        double delta = direction == PulseDirection.Up ? StepUp(index, w) : -StepDown(index, w);
        double std = sigma * (Math.Abs(delta) + _p.DwMinStdAdd + _p.DwMinStdSlope * Math.Abs(w));
        return Clip(index, w + delta + std * StandardNormal.Sample(rng));
    }

    private double Z(double w, double range) => 2.0 * _p.A * w / range + _p.B;

    private double UpFactor(double z) => Math.Max(1.0 - _p.AUp * Math.Exp(_p.GammaUp * z), 0.0);

    private double DownFactor(double z) => Math.Max(1.0 - _p.ADown * Math.Exp(-_p.GammaDown * z), 0.0);
}
