namespace Engram.Models.Devices;

/// <summary>
/// Shared machinery of the aihwkit pulsed models: the sampled hidden parameters, multiplicative
/// cycle-to-cycle noise, clipping, and a bisection for the symmetry point.
/// </summary>
public abstract class PulseResponse : IPulseResponse
{
    private const int BisectionIterations = 200;

    protected PulseResponse(PulseResponseSpec spec, PulsedDeviceSamples samples)
    {
        Spec = spec;
        Samples = samples;
    }

    public PulseResponseSpec Spec { get; }

    protected PulsedDeviceSamples Samples { get; }

    public abstract PulseResponseKind Kind { get; }

    public int Count => Samples.Count;

    public abstract double WeightGranularity { get; }

    public double StateCount => (Spec.WMax - Spec.WMin) / WeightGranularity;

    public double MaxBound(int index) => Samples.MaxBound[index];

    public double MinBound(int index) => Samples.MinBound[index];

    public double DwMinUp(int index) => Samples.DwMinUp[index];

    public double DwMinDown(int index) => Samples.DwMinDown[index];

    public bool IsCorrupt(int index) => Samples.Corrupt[index];

    public abstract double StepUp(int index, double w);

    public abstract double StepDown(int index, double w);

    /// <summary>Multiplicative noise: w ± Δ(w)·(1 + σξ) (aihwkit default for every model but additive LinearStep).</summary>
    public virtual double Apply(int index, double w, PulseDirection direction, Random rng)
    {
        double step = direction == PulseDirection.Up ? StepUp(index, w) : StepDown(index, w);
        double sigma = Spec.DwMinStd;
        if (sigma > 0)
        {
            step *= 1.0 + sigma * StandardNormal.Sample(rng);
        }

        return Clip(index, direction == PulseDirection.Up ? w + step : w - step);
    }

    public virtual double? SymmetryPoint(int index) => BisectSymmetryPoint(index);

    /// <summary>Builds the model of <paramref name="spec"/> for <paramref name="count"/> devices, sampling from <paramref name="rng"/>.</summary>
    public static IPulseResponse Create(PulseResponseSpec spec, int count, Random rng)
    {
        spec.Validate();
        var samples = PulsedDeviceSamples.Sample(spec, count, rng);
        return spec.Model switch
        {
            PulseResponseKind.Ideal => new IdealResponse(spec, samples),
            PulseResponseKind.ConstantStep => new ConstantStepResponse(spec, samples),
            PulseResponseKind.LinearStep => new LinearStepResponse(spec, samples, spec.LinearStep, rng),
            PulseResponseKind.SoftBounds => new SoftBoundsResponse(spec, samples, rng),
            PulseResponseKind.ExpStep => new ExpStepResponse(spec, samples),
            PulseResponseKind.PowStep => new PowStepResponse(spec, samples, rng),
            PulseResponseKind.PiecewiseStep => new PiecewiseStepResponse(spec, samples),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Model, "unknown pulse-response model"),
        };
    }

    protected double Clip(int index, double w) => Math.Min(Math.Max(w, Samples.MinBound[index]), Samples.MaxBound[index]);

    /// <summary>Root of Δ⁺ − Δ⁻ on [b_min, b_max]; null when it does not change sign there.</summary>
    protected double? BisectSymmetryPoint(int index)
    {
        double lo = Samples.MinBound[index];
        double hi = Samples.MaxBound[index];
        if (!(hi > lo))
        {
            return null;
        }

        double fLo = StepUp(index, lo) - StepDown(index, lo);
        double fHi = StepUp(index, hi) - StepDown(index, hi);
        if (fLo == 0)
        {
            return lo;
        }

        if (fHi == 0)
        {
            return hi;
        }

        if (Math.Sign(fLo) == Math.Sign(fHi))
        {
            return null;
        }

        for (int k = 0; k < BisectionIterations && hi - lo > 1e-15; k++)
        {
            double mid = 0.5 * (lo + hi);
            double fMid = StepUp(index, mid) - StepDown(index, mid);
            if (Math.Sign(fMid) == Math.Sign(fLo))
            {
                lo = mid;
                fLo = fMid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }
}
