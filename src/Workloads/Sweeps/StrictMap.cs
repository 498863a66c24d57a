using System.Globalization;
using Engram.Components.Arch;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// A strict view of one YAML mapping of a sweep file, in the chip loader's style: typed accessors with ranges,
/// a declared vocabulary, and every error an <see cref="ArchException"/> at file:line:column with the key path.
/// (The chip's own reader works on chip documents; sweep files also need axis lists of any scalar.)
/// </summary>
internal sealed class StrictMap
{
    private readonly string _file;
    private readonly string _path;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public StrictMap(string file, string path, YamlMappingNode node)
    {
        _file = file;
        _path = path;
        _node = node;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalar || scalar.Value is null)
            {
                throw Located(key.Start, path, "keys must be plain strings");
            }

            if (!_entries.TryAdd(scalar.Value, (scalar, value)))
            {
                throw Located(key.Start, Join(scalar.Value), "duplicate key");
            }

            _order.Add(scalar.Value);
        }
    }

    public IReadOnlyList<string> Keys => _order;

    public bool Has(string key) => _entries.ContainsKey(key);

    public (YamlScalarNode Key, YamlNode Value) Entry(string key)
    {
        _used.Add(key);
        return _entries[key];
    }

    /// <summary>Declares the mapping's vocabulary and rejects any other key at once, before values are read.</summary>
    public void OnlyKeys(params string[] allowed)
    {
        _known.UnionWith(allowed);
        foreach (string key in _order)
        {
            if (!_known.Contains(key))
            {
                throw Located(_entries[key].Key.Start, Join(key), $"unknown key; expected one of: {string.Join(", ", _known.Order(StringComparer.Ordinal))}");
            }
        }
    }

    public void NoUnknownKeys()
    {
        foreach (string key in _order)
        {
            if (!_used.Contains(key))
            {
                throw Located(_entries[key].Key.Start, Join(key), "unknown key");
            }
        }
    }

    public StrictMap Map(string key)
    {
        var value = Value(key);
        return value is YamlMappingNode map ? new StrictMap(_file, Join(key), map) : throw ErrorAt(key, "expected a mapping");
    }

    public string String(string key) => Scalar(key).Value!;

    public long Long(string key, long min, long max)
    {
        var scalar = Scalar(key);
        if (scalar.Style != ScalarStyle.Plain || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw ErrorAt(key, $"expected an integer, got '{scalar.Value}'");
        }

        return value >= min && value <= max ? value : throw ErrorAt(key, $"must be in [{min}, {max}], got {value}");
    }

    public double Double(string key, double min, double max)
    {
        var scalar = Scalar(key);
        if (scalar.Style != ScalarStyle.Plain || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw ErrorAt(key, $"expected a number, got '{scalar.Value}'");
        }

        return value >= min && value <= max
            ? value
            : throw ErrorAt(key, string.Create(CultureInfo.InvariantCulture, $"must be in [{min:R}, {max:R}], got {value:R}"));
    }

    public IReadOnlyList<int> IntList(string key, int min)
    {
        var (texts, nodes) = StringList(key);
        var values = new int[texts.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!int.TryParse(texts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < min)
            {
                throw Located(nodes[i].Start, $"{Join(key)}[{i}]", $"expected an integer >= {min}, got '{texts[i]}'");
            }
        }

        return values;
    }

    /// <summary>A non-empty list of scalars.</summary>
    public (IReadOnlyList<string> Values, IReadOnlyList<YamlNode> Nodes) StringList(string key)
    {
        if (Value(key) is not YamlSequenceNode list)
        {
            throw ErrorAt(key, "expected a list");
        }

        if (list.Children.Count == 0)
        {
            throw ErrorAt(key, "the list is empty");
        }

        var values = new List<string>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            values.Add(list.Children[i] is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw Located(list.Children[i].Start, $"{Join(key)}[{i}]", "expected a single value"));
        }

        return (values, [.. list.Children]);
    }

    public ArchException ErrorAt(string key, string detail)
    {
        var mark = _entries.TryGetValue(key, out var entry) ? entry.Value.Start : _node.Start;
        return Located(mark, Join(key), detail);
    }

    /// <summary>An error located at <paramref name="key"/> itself (for a section as a whole, whose value starts on a later line).</summary>
    public ArchException KeyErrorAt(string key, string detail)
    {
        var mark = _entries.TryGetValue(key, out var entry) ? entry.Key.Start : _node.Start;
        return Located(mark, Join(key), detail);
    }

    public ArchException Located(Mark mark, string keyPath, string detail) => new(_file, mark.Line, mark.Column, keyPath, detail);

    private YamlNode Value(string key)
    {
        _known.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            throw Located(_node.Start, Join(key), "required key is missing");
        }

        _used.Add(key);
        return entry.Value;
    }

    private YamlScalarNode Scalar(string key)
    {
        var value = Value(key);
        if (value is not YamlScalarNode scalar || scalar.Value is null ||
            (scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null")))
        {
            throw ErrorAt(key, "expected a single value");
        }

        return scalar;
    }

    private string Join(string key) => _path.Length == 0 ? key : $"{_path}.{key}";
}
