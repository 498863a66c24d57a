using System.Globalization;

namespace Engram.Models.Costs;

/// <summary>
/// Sanity check against the ADC survey's physical limits (Murmann, ADC Performance Survey 1997–2023): the best Walden figure of merit in
/// Murmann's survey is 0.35 fJ/step overall and 16.6 fJ/step at ≥100 MS/s with 4–8 ENOB. Engram warns
/// when a converter claims less than 1 fJ per step, i.e. below 1 fJ × 2^B per conversion.
/// </summary>
public static class AdcLimits
{
    /// <summary>Warning threshold, fJ per conversion step (Walden FoM).</summary>
    public const double WarnBelowJPerStep = 1e-15;

    /// <summary>Best Walden FoM in the survey subset, for the message (Murmann ADC survey, 1997–2023).</summary>
    public const double BestSurveyJPerStep = 0.35e-15;

    public static double WaldenJPerStep(IAdcCostModel adc) => adc.Cost("convert").EnergyJ / Math.Pow(2, adc.Bits);

    /// <summary>A warning text when the converter beats the physical-limit threshold, else null.</summary>
    public static string? Check(IAdcCostModel adc) =>
        Check(adc.Cost("convert").EnergyJ, adc.Bits, $"{adc.Kind} ({adc.Profile}, {adc.Bits} bit)");

    /// <summary>The same check for any converter figure, e.g. a user's override (<paramref name="what"/> names it).</summary>
    public static string? Check(double conversionEnergyJ, int bits, string what)
    {
        double walden = conversionEnergyJ / Math.Pow(2, bits);
        if (walden >= WarnBelowJPerStep)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"warning: {what} claims {walden * 1e15:G3} fJ/conversion-step (Walden) at {bits} bit, below the {WarnBelowJPerStep * 1e15:G2} fJ/step sanity limit; the best in Murmann's survey is {BestSurveyJPerStep * 1e15:G2} fJ/step (16.6 fJ/step at >= 100 MS/s, 4-8 ENOB)");
    }
}
