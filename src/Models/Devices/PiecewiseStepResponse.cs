namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>PiecewiseStepDevice</c>: relative step factors v± on nodes spread evenly over [b_min, b_max]
/// (first node at b_min, last at b_max), linearly interpolated.
/// </summary>
public sealed class PiecewiseStepResponse : PulseResponse
{
    private readonly double[] _up;
    private readonly double[] _down;

    internal PiecewiseStepResponse(PulseResponseSpec spec, PulsedDeviceSamples samples)
        : base(spec, samples)
    {
        _up = [.. spec.PiecewiseStep.PiecewiseUp];
        _down = [.. spec.PiecewiseStep.PiecewiseDown];
    }

    public override PulseResponseKind Kind => PulseResponseKind.PiecewiseStep;

    /// <summary>dw_min·v⁺[middle node] (§3.3).</summary>
    public override double WeightGranularity => Spec.DwMin * _up[_up.Length / 2];

    public override double StepUp(int index, double w) => Samples.DwMinUp[index] * Interpolate(_up, index, w);

    public override double StepDown(int index, double w) => Samples.DwMinDown[index] * Interpolate(_down, index, w);

    private double Interpolate(double[] nodes, int index, double w)
    {
        if (nodes.Length == 1)
        {
            return nodes[0];
        }

        double bMin = Samples.MinBound[index];
        double range = Samples.MaxBound[index] - bMin;
        if (range <= 0)
        {
            return 0.0;
        }

        int last = nodes.Length - 1;
        double t = Math.Max((w - bMin) / range * last, 0.0);
        int k = Math.Min((int)Math.Floor(t), last - 1);
        double f = Math.Min(t - k, 1.0);
        return (1.0 - f) * nodes[k] + f * nodes[k + 1];
    }
}
