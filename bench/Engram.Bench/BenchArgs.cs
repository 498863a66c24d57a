using System.Globalization;

namespace Engram.Bench;

/// <summary>The few options the bench commands take: a value after its name, and positive counts.</summary>
internal static class BenchArgs
{
    public static string? Value(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The positive count after <paramref name="name"/>, its default when absent, or null (with a message) when bad.</summary>
    public static int? PositiveCount(string[] args, string name, int defaultValue)
    {
        if (Array.IndexOf(args, name) < 0)
        {
            return defaultValue;
        }

        if (int.TryParse(Value(args, name), CultureInfo.InvariantCulture, out int value) && value >= 1)
        {
            return value;
        }

        Console.Error.WriteLine($"{name} needs a positive whole number");
        return null;
    }
}
