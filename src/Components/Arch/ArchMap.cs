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

    internal ArchDocument Document => _document;
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
        Scalars.Double(key, Scalar(key, required: true)!, min, max);

    public double OptionalDouble(string key, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Scalars.Double(key, scalar, min, max);
    }

    public int RequireInt(string key, int min = int.MinValue, int max = int.MaxValue) =>
        checked((int)Scalars.Long(key, Scalar(key, required: true)!, min, max));

    public int OptionalInt(string key, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : checked((int)Scalars.Long(key, scalar, min, max));
    }

    public long RequireLong(string key, long min = long.MinValue, long max = long.MaxValue) =>
        Scalars.Long(key, Scalar(key, required: true)!, min, max);

    public long OptionalLong(string key, long defaultValue, long min = long.MinValue, long max = long.MaxValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Scalars.Long(key, scalar, min, max);
    }

    public bool RequireBool(string key) => Scalars.Bool(key, Scalar(key, required: true)!);

    public bool OptionalBool(string key, bool defaultValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Scalars.Bool(key, scalar);
    }

    public string RequireString(string key) => Scalars.Text(key, Scalar(key, required: true)!);

    public string OptionalString(string key, string defaultValue)
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Scalars.Text(key, scalar);
    }

    /// <summary>An enum value written in snake_case (<c>soft_bounds</c> for <c>SoftBounds</c>).</summary>
    public TEnum RequireEnum<TEnum>(string key)
        where TEnum : struct, Enum => Scalars.Enum<TEnum>(key, Scalar(key, required: true)!);

    public TEnum OptionalEnum<TEnum>(string key, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var scalar = Scalar(key, required: false);
        return scalar is null ? defaultValue : Scalars.Enum<TEnum>(key, scalar);
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

    /// <summary>Where <paramref name="key"/> itself is written (this mapping when absent): a section's value starts a line later.</summary>
    public Mark KeyStart(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key.Start : _node.Start;

    /// <summary>The value as parsed, of any shape, marked read; null when absent.</summary>
    internal YamlNode? Node(string key)
    {
        _usedOrKnown.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        Use(key);
        return entry.Value;
    }

    internal YamlScalarNode? Scalar(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            return required ? throw Missing(key) : null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw ErrorAt(key, $"expected a single value, got {Describe(node)}");
        }

        if (scalar.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null"))
        {
            throw ErrorAt(key, "value is missing");
        }

        return scalar;
    }

    internal YamlSequenceNode? Sequence(string key) => Node(key) switch
    {
        null => null,
        YamlSequenceNode list => list,
        var other => throw ErrorAt(key, $"expected a list, got {Describe(other)}"),
    };

    private void Use(string key)
    {
        _usedOrKnown.Add(key);
        _used.Add(key);
        _document.MarkRead(Join(Path, key));
    }

    internal ArchException Missing(string key)
    {
        _usedOrKnown.Add(key);
        return Located(_node.Start, Join(Path, key), "required key is missing");
    }

    internal ArchException Located(Mark mark, string keyPath, string detail) =>
        new(File, mark.Line, mark.Column, keyPath, detail);

    internal static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    internal static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };

    internal ArchScalars Scalars => new(File, Path);
}
