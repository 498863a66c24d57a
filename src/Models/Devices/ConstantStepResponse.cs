namespace Engram.Models.Devices;

/// <summary>aihwkit <c>ConstantStepDevice</c> (GV16): Δ⁺ = s⁺, Δ⁻ = s⁻, independent of w.</summary>
public sealed class ConstantStepResponse : PulseResponse
{
    internal ConstantStepResponse(PulseResponseSpec spec, PulsedDeviceSamples samples)
        : base(spec, samples)
    {
    }

    public override PulseResponseKind Kind => PulseResponseKind.ConstantStep;

    public override double WeightGranularity => Spec.DwMin;

    public override double StepUp(int index, double w) => Samples.DwMinUp[index];

    public override double StepDown(int index, double w) => Samples.DwMinDown[index];

    /// <summary>The asymmetry (s⁺ − s⁻)/2 is constant, so there is no interior symmetry point (§3.4).</summary>
    public override double? SymmetryPoint(int index) => null;
}
