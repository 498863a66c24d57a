using System.Globalization;

namespace Engram.Components.Arch;

/// <summary>Parses "value [SI prefix]unit" strings such as "25 uS", "0.2 V", "10 ns" into the base unit.</summary>
public static class Quantity
{
    private static readonly (string Prefix, double Scale)[] Prefixes =
    [
        ("f", 1e-15), ("p", 1e-12), ("n", 1e-9), ("u", 1e-6), ("µ", 1e-6), ("m", 1e-3),
        ("", 1.0), ("k", 1e3), ("M", 1e6), ("G", 1e9),
    ];

    public static bool TryParse(string text, string unit, out double value)
    {
        value = 0;
        string t = text.Trim();
        if (!t.EndsWith(unit, StringComparison.Ordinal))
        {
            return false;
        }

        string rest = t[..^unit.Length].TrimEnd();
        foreach (var (prefix, scale) in Prefixes)
        {
            if (prefix.Length > 0 && !rest.EndsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string number = rest[..^prefix.Length].Trim();
            if (number.Length > 0 &&
                double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
            {
                value = v * scale;
                return true;
            }
        }

        return false;
    }
}
