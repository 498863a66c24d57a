namespace Engram.Models.Costs;

/// <summary>The unit of a cost constant; its name must end in the unit's suffix (<see cref="CostUnits.Suffix"/>).</summary>
public enum CostUnit
{
    Joule,
    Picosecond,
    SquareMicrometer,
    Watt,
    Microwatt,
    Ohm,
    WattOhm,
    Volt,
    Farad,
    Hertz,
    Decibel,
    /// <summary>A pure number (ratio, exponent, count); its name ends in "Ratio", "Exponent" or "Count".</summary>
    Dimensionless,
}

public static class CostUnits
{
    public static string Suffix(CostUnit unit) => unit switch
    {
        CostUnit.Joule => "J",
        CostUnit.Picosecond => "Ps",
        CostUnit.SquareMicrometer => "Um2",
        CostUnit.Watt => "W",
        CostUnit.Microwatt => "Uw",
        CostUnit.Ohm => "Ohm",
        CostUnit.WattOhm => "WOhm",
        CostUnit.Volt => "V",
        CostUnit.Farad => "F",
        CostUnit.Hertz => "Hz",
        CostUnit.Decibel => "Db",
        CostUnit.Dimensionless => "",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    /// <summary>True when <paramref name="name"/> states <paramref name="unit"/> in its suffix.</summary>
    public static bool NameCarriesUnit(string name, CostUnit unit) => unit == CostUnit.Dimensionless
        ? name.EndsWith("Ratio", StringComparison.Ordinal) || name.EndsWith("Exponent", StringComparison.Ordinal) || name.EndsWith("Count", StringComparison.Ordinal)
        : name.EndsWith(Suffix(unit), StringComparison.Ordinal);
}
