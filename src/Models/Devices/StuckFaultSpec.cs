namespace Engram.Models.Devices;

/// <summary>
/// Stuck-at faults: a cell is stuck with probability <see cref="RateFraction"/>; a stuck cell is stuck
/// at Gmin, at Gmax, or at a value drawn uniformly in [Gmin, Gmax], in the given split (docs/devices.md).
/// </summary>
public sealed record StuckFaultSpec(
    double RateFraction,
    double AtGminFraction = 1.0,
    double AtGmaxFraction = 0.0,
    double AtRandomFraction = 0.0)
{
    public static StuckFaultSpec None { get; } = new(0.0);

    /// <summary>Throws when a fraction is outside [0, 1] or the split does not sum to 1.</summary>
    public void Validate()
    {
        DeviceCardChecks.Fraction(RateFraction, nameof(RateFraction));
        DeviceCardChecks.Fraction(AtGminFraction, nameof(AtGminFraction));
        DeviceCardChecks.Fraction(AtGmaxFraction, nameof(AtGmaxFraction));
        DeviceCardChecks.Fraction(AtRandomFraction, nameof(AtRandomFraction));
        double sum = AtGminFraction + AtGmaxFraction + AtRandomFraction;
        if (Math.Abs(sum - 1.0) > 1e-9)
        {
            throw new ArgumentException($"stuck-at split must sum to 1, got {sum}");
        }
    }
}
