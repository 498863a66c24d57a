using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Components.Arch;

/// <summary>
/// A strict, typed view of one YAML mapping. Every accessor checks type and range and reports errors with
/// file, line, column and key path; <see cref="EnsureNoUnknownKeys"/> rejects any key nobody asked for.
/// Keys are snake_case; physical quantities carry their unit in the key (<c>gmax_s</c>) and may also be
/// written as a string with an SI prefix and that unit (<c>"25 uS"</c>) through <see cref="RequireQuantity"/>.
/// </summary>
public sealed class ArchMap
{
    private readonly ArchDocument _document;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    // Keys some accessor asked for, present or not: the vocabulary listed when an unknown key turns up.
    private readonly HashSet<string> _usedOrKnown = new(StringComparer.Ordinal);

    internal ArchMap(ArchDocument document, string path, YamlMappingNode node)
    {
        _document = document;
        _node = node;
        Path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalarKey || scalarKey.Value is null)
            {
                throw Located(key.Start, path, "keys must be plain strings");
            }

            string name = scalarKey.Value;
            if (name.Length == 0)
            {
                // Named as written, so the message still says which key (and at the root it is not an empty path).
                throw Located(key.Start, Join(path, "''"), "keys must not be empty");
            }

            if (!_entries.TryAdd(name, (scalarKey, value)))
            {
                throw Located(key.Start, Join(path, name), "duplicate key");
            }

            _order.Add(name);
        }
    }

    public string File => _document.File;

    /// <summary>Dotted key path of this mapping ("" for the root).</summary>
    public string Path { get; }

    public Mark Start => _node.Start;

    /// <summary>The keys in file order.</summary>
    public IReadOnlyList<string> Keys => _order;

    public bool Has(string key) => _entries.ContainsKey(key);

    public double RequireDouble(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        ParseDouble(key, Scalar(key, required: true)!, min, max);

    public double OptionalDouble(string key, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : ParseDouble(key, scalar, min, max);
    }

    /// <summary>A number in the base unit, or a string "value [prefix]unit" such as "25 uS" or "10 ns".</summary>
    public double RequireQuantity(string key, string unit, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var scalar = Scalar(key, required: true)!;
        if (scalar.Style is ScalarStyle.Plain && TryParseNumber(scalar.Value, out double plain))
        {
            return CheckRange(key, scalar, plain, min, max);
        }

        if (!Quantity.TryParse(scalar.Value ?? "", unit, out double value))
        {
            throw ErrorAt(key, $"expected a number in {unit} or a quantity such as \"2.5 u{unit}\", got '{scalar.Value}'");
        }

        return CheckRange(key, scalar, value, min, max);
    }

    public double OptionalQuantity(string key, string unit, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        Has(key) ? RequireQuantity(key, unit, min, max) : defaultValue;

    public int RequireInt(string key, int min = int.MinValue, int max = int.MaxValue) =>
        checked((int)ParseLong(key, Scalar(key, required: true)!, min, max));

    public int OptionalInt(string key, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : checked((int)ParseLong(key, scalar, min, max));
    }

    public long RequireLong(string key, long min = long.MinValue, long max = long.MaxValue) =>
        ParseLong(key, Scalar(key, required: true)!, min, max);

    public long OptionalLong(string key, long defaultValue, long min = long.MinValue, long max = long.MaxValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : ParseLong(key, scalar, min, max);
    }

    public bool RequireBool(string key) => ParseBool(key, Scalar(key, required: true)!);

    public bool OptionalBool(string key, bool defaultValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : ParseBool(key, scalar);
    }

    public string RequireString(string key) => Text(key, Scalar(key, required: true)!);

    public string OptionalString(string key, string defaultValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Text(key, scalar);
    }

    /// <summary>An enum value written in snake_case (<c>soft_bounds</c> for <c>SoftBounds</c>).</summary>
    public TEnum RequireEnum<TEnum>(string key)
        where TEnum : struct, Enum => ParseEnum<TEnum>(key, Scalar(key, required: true)!);

    public TEnum OptionalEnum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : ParseEnum<TEnum>(key, scalar);
    }

    public ArchMap RequireMap(string key) => OptionalMap(key) ?? throw Missing(key);

    public ArchMap? OptionalMap(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        Use(key);
        return entry.Value is YamlMappingNode map
            ? new ArchMap(_document, Join(Path, key), map)
            : throw ErrorAt(key, $"expected a mapping, got {Describe(entry.Value)}");
    }

    public IReadOnlyList<double> RequireDoubleList(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity, int minCount = 1) =>
        OptionalDoubleList(key, min, max, minCount) ?? throw Missing(key);

    public IReadOnlyList<double>? OptionalDoubleList(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity, int minCount = 1)
    {
        var items = Sequence(key);
        if (items is null)
        {
            return null;
        }

        CheckCount(key, items, minCount);
        var values = new double[items.Children.Count];
        for (int i = 0; i < values.Length; i++)
        {
            string itemPath = $"{key}[{i}]";
            var node = items.Children[i];
            if (node is not YamlScalarNode scalar)
            {
                throw Located(node.Start, Join(Path, itemPath), $"expected a number, got {Describe(node)}");
            }

            values[i] = ParseDouble(itemPath, scalar, min, max);
        }

        return values;
    }

    public IReadOnlyList<ArchMap> RequireMapList(string key, int minCount = 1)
    {
        var items = Sequence(key) ?? throw Missing(key);
        CheckCount(key, items, minCount);
        var maps = new ArchMap[items.Children.Count];
        for (int i = 0; i < maps.Length; i++)
        {
            var node = items.Children[i];
            string itemPath = Join(Path, $"{key}[{i}]");
            maps[i] = node is YamlMappingNode map
                ? new ArchMap(_document, itemPath, map)
                : throw Located(node.Start, itemPath, $"expected a mapping, got {Describe(node)}");
        }

        return maps;
    }

    /// <summary>Reads every entry as key → string (free-form maps such as provenance notes).</summary>
    public IReadOnlyDictionary<string, string> ReadStringMap()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in _order)
        {
            result[key] = RequireString(key);
        }

        return result;
    }

    /// <summary>Throws at the first key no accessor has read: a typo or a key this schema does not have.</summary>
    public void EnsureNoUnknownKeys()
    {
        foreach (string key in _order)
        {
            if (!_used.Contains(key))
            {
                var expected = _usedOrKnown.Count > 0 ? $"; expected one of: {string.Join(", ", _usedOrKnown.Order(StringComparer.Ordinal))}" : "";
                throw Located(_entries[key].Key.Start, Join(Path, key), $"unknown key{expected}");
            }
        }
    }

    /// <summary>
    /// Declares this mapping's whole vocabulary and throws at the first key outside it, before any value is read,
    /// so a misspelt key is reported as unknown (at the key) rather than as a missing required key.
    /// </summary>
    public void EnsureOnlyKeys(params string[] allowed)
    {
        foreach (string key in allowed)
        {
            _usedOrKnown.Add(key);
        }

        foreach (string key in _order)
        {
            if (!_usedOrKnown.Contains(key))
            {
                throw Located(_entries[key].Key.Start, Join(Path, key),
                    $"unknown key; expected one of: {string.Join(", ", _usedOrKnown.Order(StringComparer.Ordinal))}");
            }
        }
    }

    /// <summary>An error located at <paramref name="key"/>'s value (or at this mapping when the key is absent).</summary>
    public ArchException ErrorAt(string key, string detail)
    {
        var mark = _entries.TryGetValue(key, out var entry) ? entry.Value.Start : _node.Start;
        return Located(mark, Join(Path, key), detail);
    }

    /// <summary>An error about this mapping as a whole.</summary>
    public ArchException Error(string detail) => Located(_node.Start, Path, detail);

    private YamlScalarNode? Scalar(string key, bool required)
    {
        _usedOrKnown.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return required ? throw Missing(key) : null;
        }

        Use(key);
        if (entry.Value is not YamlScalarNode scalar)
        {
            throw ErrorAt(key, $"expected a single value, got {Describe(entry.Value)}");
        }

        if (scalar.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null"))
        {
            throw ErrorAt(key, "value is missing");
        }

        return scalar;
    }

    private YamlSequenceNode? Sequence(string key)
    {
        _usedOrKnown.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        Use(key);
        return entry.Value as YamlSequenceNode ?? throw ErrorAt(key, $"expected a list, got {Describe(entry.Value)}");
    }

    private void Use(string key)
    {
        _usedOrKnown.Add(key);
        _used.Add(key);
        _document.MarkRead(Join(Path, key));
    }

    private void CheckCount(string key, YamlSequenceNode items, int minCount)
    {
        if (items.Children.Count < minCount)
        {
            throw ErrorAt(key, $"expected at least {minCount} item(s), got {items.Children.Count}");
        }
    }

    // Names, notes and paths never need control characters; a "\0" escape would otherwise reach the file system as a path.
    private string Text(string key, YamlScalarNode scalar)
    {
        string value = scalar.Value!;
        if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
        {
            throw Located(scalar.Start, Join(Path, key), "must not contain control characters (such as \\0)");
        }

        return value;
    }

    private double ParseDouble(string key, YamlScalarNode scalar, double min, double max)
    {
        if (scalar.Style != ScalarStyle.Plain || !TryParseNumber(scalar.Value, out double value))
        {
            throw Located(scalar.Start, Join(Path, key), $"expected a number, got '{scalar.Value}'");
        }

        return CheckRange(key, scalar, value, min, max);
    }

    private double CheckRange(string key, YamlScalarNode scalar, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            throw Located(scalar.Start, Join(Path, key), $"must be in {Interval(min, max)}, got {Format(value)}");
        }

        return value;
    }

    private long ParseLong(string key, YamlScalarNode scalar, long min, long max)
    {
        if (scalar.Style != ScalarStyle.Plain ||
            !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Located(scalar.Start, Join(Path, key), $"expected an integer, got '{scalar.Value}'");
        }

        if (value < min || value > max)
        {
            throw Located(scalar.Start, Join(Path, key), $"must be in [{min}, {max}], got {value}");
        }

        return value;
    }

    private bool ParseBool(string key, YamlScalarNode scalar) => scalar.Style == ScalarStyle.Plain
        ? scalar.Value switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => throw Located(scalar.Start, Join(Path, key), $"expected true or false, got '{scalar.Value}'"),
        }
        : throw Located(scalar.Start, Join(Path, key), $"expected true or false, got '{scalar.Value}'");

    private TEnum ParseEnum<TEnum>(string key, YamlScalarNode scalar)
        where TEnum : struct, Enum
    {
        string wanted = scalar.Value!.Replace("_", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var allowed = Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString()));
        throw Located(scalar.Start, Join(Path, key), $"expected one of {string.Join(", ", allowed)}, got '{scalar.Value}'");
    }

    private ArchException Missing(string key)
    {
        _usedOrKnown.Add(key);
        return Located(_node.Start, Join(Path, key), "required key is missing");
    }

    private ArchException Located(Mark mark, string keyPath, string detail) =>
        new(File, mark.Line, mark.Column, keyPath, detail);

    private static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };

    private static string Interval(double min, double max) =>
        $"[{(double.IsNegativeInfinity(min) ? "-inf" : Format(min))}, {(double.IsPositiveInfinity(max) ? "inf" : Format(max))}]";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string SnakeCase(string pascal)
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
}
