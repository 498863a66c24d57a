namespace Engram.Models.Devices;

/// <summary>aihwkit <c>PowStepDevice</c> extras; defaults from aihwkit's <c>configs/devices.py</c>.</summary>
public sealed record PowStepParameters
{
    public double PowGamma { get; init; } = 1.0;

    public double PowGammaDtod { get; init; } = 0.1;

    public double PowUpDown { get; init; }

    public double PowUpDownDtod { get; init; }
}
