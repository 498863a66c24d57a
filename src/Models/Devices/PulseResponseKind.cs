namespace Engram.Models.Devices;

/// <summary>The aihwkit update-once models (<c>src/rpucuda/rpu_*_device.cpp</c>; docs/devices.md); names follow aihwkit's device classes.</summary>
public enum PulseResponseKind
{
    /// <summary>Exact steps of dw_min, no noise, no spread, clipped to the mean bounds.</summary>
    Ideal,

    /// <summary>aihwkit <c>ConstantStepDevice</c> (GV16).</summary>
    ConstantStep,

    /// <summary>aihwkit <c>LinearStepDevice</c>.</summary>
    LinearStep,

    /// <summary>aihwkit <c>SoftBoundsDevice</c> (LinearStep with γ = 1 and per-device bounds).</summary>
    SoftBounds,

    /// <summary>aihwkit <c>ExpStepDevice</c>.</summary>
    ExpStep,

    /// <summary>aihwkit <c>PowStepDevice</c>.</summary>
    PowStep,

    /// <summary>aihwkit <c>PiecewiseStepDevice</c>.</summary>
    PiecewiseStep,
}
