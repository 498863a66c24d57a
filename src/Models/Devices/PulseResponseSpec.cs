namespace Engram.Models.Devices;

/// <summary>
/// The pulse-response model of a card with aihwkit's <c>PulsedDevice</c> parameters
/// (<c>src/aihwkit/simulator/configs/devices.py</c>; aihwkit defaults; docs/devices.md). Weights are
/// in aihwkit's normalised units; a device maps them linearly onto [Gmin, Gmax] through the mean bounds
/// [<see cref="WMin"/>, <see cref="WMax"/>].
/// </summary>
public sealed record PulseResponseSpec
{
    public PulseResponseKind Model { get; init; } = PulseResponseKind.ConstantStep;

    /// <summary>aihwkit <c>dw_min</c>: mean step at w = 0.</summary>
    public double DwMin { get; init; } = 0.001;

    /// <summary>aihwkit <c>dw_min_dtod</c>: device-to-device relative spread of the step.</summary>
    public double DwMinDtod { get; init; } = 0.3;

    /// <summary>aihwkit <c>dw_min_dtod_log_normal</c>.</summary>
    public bool DwMinDtodLogNormal { get; init; }

    /// <summary>aihwkit <c>dw_min_std</c>: cycle-to-cycle relative std of each pulse.</summary>
    public double DwMinStd { get; init; } = 0.3;

    /// <summary>aihwkit <c>w_max</c>: mean upper bound.</summary>
    public double WMax { get; init; } = 0.6;

    /// <summary>aihwkit <c>w_min</c>: mean lower bound.</summary>
    public double WMin { get; init; } = -0.6;

    /// <summary>aihwkit <c>w_max_dtod</c>.</summary>
    public double WMaxDtod { get; init; } = 0.3;

    /// <summary>aihwkit <c>w_min_dtod</c>.</summary>
    public double WMinDtod { get; init; } = 0.3;

    /// <summary>aihwkit <c>up_down</c>: systematic up/down imbalance.</summary>
    public double UpDown { get; init; }

    /// <summary>aihwkit <c>up_down_dtod</c>.</summary>
    public double UpDownDtod { get; init; } = 0.01;

    /// <summary>aihwkit <c>enforce_consistency</c> (Python default True).</summary>
    public bool EnforceConsistency { get; init; } = true;

    /// <summary>aihwkit <c>corrupt_devices_prob</c>.</summary>
    public double CorruptDevicesProb { get; init; }

    /// <summary>aihwkit <c>corrupt_devices_range</c>.</summary>
    public double CorruptDevicesRange { get; init; } = 0.1;

    /// <summary>aihwkit <c>write_noise_std</c>: reads see the persistent state plus this·dw_min·ξ, re-drawn on every write.</summary>
    public double WriteNoiseStd { get; init; }

    public LinearStepParameters LinearStep { get; init; } = new();

    public ExpStepParameters ExpStep { get; init; } = new();

    public PowStepParameters PowStep { get; init; } = new();

    public PiecewiseStepParameters PiecewiseStep { get; init; } = new();

    public static PulseResponseSpec Ideal(double dwMin, double wMin = -1.0, double wMax = 1.0) => new()
    {
        Model = PulseResponseKind.Ideal,
        DwMin = dwMin,
        DwMinDtod = 0,
        DwMinStd = 0,
        WMin = wMin,
        WMax = wMax,
        WMinDtod = 0,
        WMaxDtod = 0,
        UpDownDtod = 0,
    };

    public void Validate()
    {
        DeviceCardChecks.Positive(DwMin, nameof(DwMin));
        DeviceCardChecks.NonNegative(DwMinDtod, nameof(DwMinDtod));
        DeviceCardChecks.NonNegative(DwMinStd, nameof(DwMinStd));
        DeviceCardChecks.NonNegative(WMaxDtod, nameof(WMaxDtod));
        DeviceCardChecks.NonNegative(WMinDtod, nameof(WMinDtod));
        DeviceCardChecks.NonNegative(UpDownDtod, nameof(UpDownDtod));
        DeviceCardChecks.Fraction(CorruptDevicesProb, nameof(CorruptDevicesProb));
        DeviceCardChecks.NonNegative(CorruptDevicesRange, nameof(CorruptDevicesRange));
        DeviceCardChecks.NonNegative(WriteNoiseStd, nameof(WriteNoiseStd));
        if (!(WMin <= 0.0 && WMax >= 0.0 && WMax > WMin))
        {
            // aihwkit requires the bound interval to contain 0.
            throw new ArgumentException($"w_min..w_max must contain 0 and be non-empty, got [{WMin}, {WMax}]");
        }

        if (Model == PulseResponseKind.PiecewiseStep)
        {
            PiecewiseStep.Validate();
        }
    }
}
