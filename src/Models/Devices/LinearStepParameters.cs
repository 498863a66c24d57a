namespace Engram.Models.Devices;

/// <summary>aihwkit <c>LinearStepDevice</c> extras (defaults from aihwkit's <c>configs/devices.py</c>); SoftBounds uses only <see cref="MultNoise"/>.</summary>
public sealed record LinearStepParameters
{
    /// <summary>aihwkit <c>gamma_up</c> (C++ <c>ls_decrease_up</c>).</summary>
    public double GammaUp { get; init; }

    /// <summary>aihwkit <c>gamma_down</c> (C++ <c>ls_decrease_down</c>).</summary>
    public double GammaDown { get; init; }

    public double GammaUpDtod { get; init; } = 0.05;

    public double GammaDownDtod { get; init; } = 0.05;

    public bool AllowIncreasing { get; init; }

    public bool MeanBoundReference { get; init; } = true;

    /// <summary>Multiplicative (true) or additive (false) cycle-to-cycle noise.</summary>
    public bool MultNoise { get; init; } = true;
}
