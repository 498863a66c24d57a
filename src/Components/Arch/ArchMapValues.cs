using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Components.Arch;

/// <summary>Accessors of <see cref="ArchMap"/> for lists, raw values, free-form string maps and quantities with units; strict like the others.</summary>
public static class ArchMapValues
{
    /// <summary>A number in the base unit, or a string "value [prefix]unit" such as "25 uS" or "10 ns".</summary>
    public static double RequireQuantity(this ArchMap map, string key, string unit, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var scalar = map.Scalar(key, required: true)!;
        if (scalar.Style is ScalarStyle.Plain && ArchScalars.TryParseNumber(scalar.Value, out double plain))
        {
            return map.Scalars.InRange(key, scalar, plain, min, max);
        }

        if (!Quantity.TryParse(scalar.Value ?? "", unit, out double value))
        {
            throw map.ErrorAt(key, $"expected a number in {unit} or a quantity such as \"2.5 u{unit}\", got '{scalar.Value}'");
        }

        return map.Scalars.InRange(key, scalar, value, min, max);
    }

    public static double OptionalQuantity(this ArchMap map, string key, string unit, double defaultValue, double min = double.NegativeInfinity, double max = double.PositiveInfinity) =>
        map.Has(key) ? map.RequireQuantity(key, unit, min, max) : defaultValue;

    public static IReadOnlyList<double> RequireDoubleList(this ArchMap map, string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity, int minCount = 1) =>
        map.OptionalDoubleList(key, min, max, minCount) ?? throw map.Missing(key);

    public static IReadOnlyList<double>? OptionalDoubleList(this ArchMap map, string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity, int minCount = 1)
    {
        var items = map.Sequence(key);
        if (items is null)
        {
            return null;
        }

        map.CheckCount(key, items, minCount);
        var values = new double[items.Children.Count];
        for (int i = 0; i < values.Length; i++)
        {
            string itemPath = $"{key}[{i}]";
            var node = items.Children[i];
            if (node is not YamlScalarNode scalar)
            {
                throw map.Located(node.Start, ArchMap.Join(map.Path, itemPath), $"expected a number, got {ArchMap.Describe(node)}");
            }

            values[i] = map.Scalars.Double(itemPath, scalar, min, max);
        }

        return values;
    }

    public static IReadOnlyList<ArchMap> RequireMapList(this ArchMap map, string key, int minCount = 1)
    {
        var items = map.Sequence(key) ?? throw map.Missing(key);
        map.CheckCount(key, items, minCount);
        var maps = new ArchMap[items.Children.Count];
        for (int i = 0; i < maps.Length; i++)
        {
            var node = items.Children[i];
            string itemPath = ArchMap.Join(map.Path, $"{key}[{i}]");
            maps[i] = node is YamlMappingNode mapping
                ? new ArchMap(map.Document, itemPath, mapping)
                : throw map.Located(node.Start, itemPath, $"expected a mapping, got {ArchMap.Describe(node)}");
        }

        return maps;
    }

    /// <summary>
    /// A list of single values of any type, with their positions, for callers that interpret the text themselves
    /// (names checked against a catalogue, values of another file's schema).
    /// </summary>
    public static IReadOnlyList<YamlScalarNode> RequireScalarList(this ArchMap map, string key, int minCount = 1)
    {
        var items = map.Sequence(key) ?? throw map.Missing(key);
        map.CheckCount(key, items, minCount);
        var scalars = new YamlScalarNode[items.Children.Count];
        for (int i = 0; i < scalars.Length; i++)
        {
            var node = items.Children[i];
            string itemPath = ArchMap.Join(map.Path, $"{key}[{i}]");
            scalars[i] = node switch
            {
                YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => throw map.Located(node.Start, itemPath, "value is missing"),
                YamlScalarNode scalar => scalar,
                _ => throw map.Located(node.Start, itemPath, $"expected a single value, got {ArchMap.Describe(node)}"),
            };
        }

        return scalars;
    }

    /// <summary>The value as parsed, of any shape, for a caller whose values follow another schema; it counts as read.</summary>
    public static YamlNode RequireNode(this ArchMap map, string key) => map.Node(key) ?? throw map.Missing(key);

    /// <summary>An error located at <paramref name="key"/> itself, for a section as a whole.</summary>
    public static ArchException KeyErrorAt(this ArchMap map, string key, string detail) =>
        map.Located(map.KeyStart(key), ArchMap.Join(map.Path, key), detail);

    internal static void CheckCount(this ArchMap map, string key, YamlSequenceNode items, int minCount)
    {
        if (items.Children.Count < minCount)
        {
            throw map.ErrorAt(key, $"expected at least {minCount} item(s), got {items.Children.Count}");
        }
    }

    /// <summary>Reads every entry as key → string (free-form maps such as provenance notes).</summary>
    public static IReadOnlyDictionary<string, string> ReadStringMap(this ArchMap map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in map.Keys)
        {
            result[key] = map.RequireString(key);
        }

        return result;
    }
}
