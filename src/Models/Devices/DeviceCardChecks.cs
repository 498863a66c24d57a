namespace Engram.Models.Devices;

/// <summary>Argument checks shared by the card records (the YAML loader reports the same rules with file and line).</summary>
internal static class DeviceCardChecks
{
    public static void Fraction(double value, string name)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentException($"{name} must be in [0, 1], got {value}");
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be finite and >= 0, got {value}");
        }
    }

    public static void Positive(double value, string name)
    {
        if (!(value > 0.0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"{name} must be finite and > 0, got {value}");
        }
    }
}
