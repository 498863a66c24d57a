namespace Engram.Models.Devices;

/// <summary>
/// Write-verify defaults: stop when the verify read is within <see cref="ToleranceFraction"/>·(Gmax − Gmin)
/// of the target, or after <see cref="MaxPulses"/> programming pulses.
/// </summary>
public sealed record WriteVerifySpec(int MaxPulses, double ToleranceFraction)
{
    public void Validate()
    {
        if (MaxPulses < 1)
        {
            throw new ArgumentException($"{nameof(MaxPulses)} must be at least 1, got {MaxPulses}");
        }

        DeviceCardChecks.Fraction(ToleranceFraction, nameof(ToleranceFraction));
    }
}
