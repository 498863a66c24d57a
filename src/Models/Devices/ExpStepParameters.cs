namespace Engram.Models.Devices;

/// <summary>aihwkit <c>ExpStepDevice</c> extras; defaults from aihwkit's <c>configs/devices.py</c>.</summary>
public sealed record ExpStepParameters
{
    public double AUp { get; init; } = 0.00081;

    public double ADown { get; init; } = 0.36833;

    public double GammaUp { get; init; } = 12.44625;

    public double GammaDown { get; init; } = 12.78785;

    /// <summary>aihwkit <c>a</c>.</summary>
    public double A { get; init; } = 0.244;

    /// <summary>aihwkit <c>b</c>.</summary>
    public double B { get; init; } = 0.2425;

    public double DwMinStdAdd { get; init; }

    public double DwMinStdSlope { get; init; }
}
