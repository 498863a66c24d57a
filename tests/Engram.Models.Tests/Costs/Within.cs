namespace Engram.Models.Tests.Costs;

internal static class Within
{
    /// <summary>Asserts |actual/expected − 1| ≤ tolerance, naming the quantity on failure.</summary>
    public static void Relative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs((actual / expected) - 1);
        Assert.True(error <= tolerance, $"{what}: expected {expected:G4}, got {actual:G4} ({error:P1} off, tolerance {tolerance:P0})");
    }
}
