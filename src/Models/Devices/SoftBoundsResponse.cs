namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>SoftBoundsDevice</c>: LinearStep with γ± = 1, no γ spread and per-device bounds as reference,
/// so Δ⁺ = s⁺(1 − w/b_max) and Δ⁻ = s⁻(1 − w/b_min); steps vanish at the bounds.
/// </summary>
public sealed class SoftBoundsResponse : LinearStepResponse
{
    internal SoftBoundsResponse(PulseResponseSpec spec, PulsedDeviceSamples samples, Random rng)
        : base(spec, samples, SoftBoundsParameters(spec.LinearStep.MultNoise), rng)
    {
    }

    public override PulseResponseKind Kind => PulseResponseKind.SoftBounds;

    private static LinearStepParameters SoftBoundsParameters(bool multNoise) => new()
    {
        GammaUp = 1,
        GammaDown = 1,
        GammaUpDtod = 0,
        GammaDownDtod = 0,
        AllowIncreasing = false,
        MeanBoundReference = false,
        MultNoise = multNoise,
    };
}
