namespace Engram.Models.Devices;

/// <summary>
/// Power-law conductance drift g(t) = g_p·((t + t0)/t0)^(−ν), with ν sampled per device as
/// |Nu + NuDtod·ξ| (aihwkit <c>inference/noise/pcm.py</c>, <c>PCMLikeNoiseModel</c>, with a constant mean ν
/// instead of aihwkit's conductance-dependent one).
/// </summary>
public sealed record DriftSpec(double Nu, double NuDtod, double T0S)
{
    public void Validate()
    {
        DeviceCardChecks.NonNegative(Nu, nameof(Nu));
        DeviceCardChecks.NonNegative(NuDtod, nameof(NuDtod));
        DeviceCardChecks.Positive(T0S, nameof(T0S));
    }
}
