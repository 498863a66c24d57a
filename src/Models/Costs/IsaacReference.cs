namespace Engram.Models.Costs;

/// <summary>The "isaac" profile: ISAAC's published 32 nm constants (Shafiee et al., ISCA 2016), as PUMA and hwcomponents use them.</summary>
public static class IsaacReference
{
    public const string Profile = "isaac";
    public const double NodeNm = 32;

    /// <summary>ISAAC's input cycle: one 1-bit input per 100 ns crossbar read.</summary>
    public const double InputCyclePs = 100_000;

    /// <summary>ISAAC's clock, 1.28 GHz (one ADC sample per cycle).</summary>
    public const double CyclePs = 1e12 / SampleRateHz;

    /// <summary>ISAAC's ADC sample rate, 1.28 GS/s.</summary>
    public const double SampleRateHz = 1.28e9;

    public static Provenance Figure(string figure, string scaling = "") =>
        new("ISAAC (Shafiee et al., ISCA 2016), as used by PUMA and hwcomponents", "32 nm", 2016, figure, scaling);
}
