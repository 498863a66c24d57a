using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Components.Arch;

/// <summary>
/// Parses one YAML scalar of a mapping at <paramref name="mapPath"/> into a typed value, checking its range; every
/// failure is an <see cref="ArchException"/> at the scalar's own line and column, named by its key path.
/// </summary>
internal readonly struct ArchScalars(string file, string mapPath)
{
    // Names, notes and paths never need control characters; a "\0" escape would otherwise reach the file system as a path.
    public string Text(string key, YamlScalarNode scalar)
    {
        string value = scalar.Value!;
        if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            throw Located(scalar.Start, Join(key), "must not contain control characters (such as \\0)");
        }

        return value;
    }

    public double Double(string key, YamlScalarNode scalar, double min, double max)
    {
        if (scalar.Style != ScalarStyle.Plain || !TryParseNumber(scalar.Value, out double value))
        {
            throw Located(scalar.Start, Join(key), $"expected a number, got '{scalar.Value}'");
        }

        return InRange(key, scalar, value, min, max);
    }

    public double InRange(string key, YamlScalarNode scalar, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw Located(scalar.Start, Join(key), $"must be in {Interval(min, max)}, got {Format(value)}");
        }

        return value;
    }

    public long Long(string key, YamlScalarNode scalar, long min, long max)
    {
        if (scalar.Style != ScalarStyle.Plain ||
            !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Located(scalar.Start, Join(key), $"expected an integer, got '{scalar.Value}'");
        }

        if (value < min || value > max)
        {
            throw Located(scalar.Start, Join(key), $"must be in [{min}, {max}], got {value}");
        }

        return value;
    }

    public bool Bool(string key, YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain
        ? scalar.Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Located(scalar.Start, Join(key), $"expected true or false, got '{scalar.Value}'"),
        }
        : throw Located(scalar.Start, Join(key), $"expected true or false, got '{scalar.Value}'");

    public TEnum Enum<TEnum>(string key, YamlScalarNode scalar)
        where TEnum : struct, Enum
    {
        string wanted = scalar.Value!.Replace("_", "", StringComparison.Ordinal);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var allowed = System.Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString()));
        throw Located(scalar.Start, Join(key), $"expected one of {string.Join(", ", allowed)}, got '{scalar.Value}'");
    }

    public ArchException Located(Mark mark, string keyPath, string detail) => new(file, mark.Line, mark.Column, keyPath, detail);

    public static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static string Interval(double min, double max) =>
        $"[{(double.IsNegativeInfinity(min) ? "-inf" : Format(min))}, {(double.IsPositiveInfinity(max) ? "inf" : Format(max))}]";

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string SnakeCase(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                chars.Append('_');
            }

            chars.Append(char.ToLowerInvariant(pascal[i]));
        }

        return chars.ToString();
    }

    private string Join(string key) => mapPath.Length == 0 ? key : $"{mapPath}.{key}";
}
