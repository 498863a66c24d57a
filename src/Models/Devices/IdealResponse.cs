namespace Engram.Models.Devices;

/// <summary>Steps of exactly dw_min both ways, no noise, no spread; only the mean bounds clip.</summary>
public sealed class IdealResponse : PulseResponse
{
    internal IdealResponse(PulseResponseSpec spec, PulsedDeviceSamples samples)
        : base(spec, samples)
    {
    }

    public override PulseResponseKind Kind => PulseResponseKind.Ideal;

    public override double WeightGranularity => Spec.DwMin;

    public override double StepUp(int index, double w) => Spec.DwMin;

    public override double StepDown(int index, double w) => Spec.DwMin;

    public override double Apply(int index, double w, PulseDirection direction, Random rng) =>
        Clip(index, direction == PulseDirection.Up ? w + Spec.DwMin : w - Spec.DwMin);

    /// <summary>Every state is symmetric, so there is no distinguished point.</summary>
    public override double? SymmetryPoint(int index) => null;
}
