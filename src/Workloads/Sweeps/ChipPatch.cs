using Engram.Components.Arch;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// Makes a point's chip: sets each axis value at its key path in a fresh copy of the base chip's YAML tree and
/// loads the result through <see cref="ChipLoader"/>, so a key path is valid exactly when the chip schema has it.
/// <c>network.neurons</c> is the exception: it goes through <see cref="ChipLoader.WithNeurons"/>, which adds
/// tiles until the network fits, as <c>engram compare --n</c> does (a bigger N on a fixed tile count would not fit).
/// A path below <c>devices.card.</c> is a key of the chip's device card (<c>devices.card.conductance.gmax_s</c>):
/// it is set in a copy of the card's YAML, which the device-card loader then reads, equally strictly.
/// A value written as a mapping sets each of its keys below the axis's path (<c>controller</c> with
/// <c>{placement: off_chip, host_round_trip_ps: 1000000}</c>), so keys that belong together change together.
/// </summary>
public sealed class ChipPatch
{
    public const string NeuronsPath = "network.neurons";

    /// <summary>Prefix of axes that set a key inside the chip's device card.</summary>
    public const string CardPrefix = "devices.card.";

    private readonly string _chipFile;
    private readonly string _chipText;
    private readonly long _memoryBudgetBytes;

    public ChipPatch(string chipFile, long memoryBudgetBytes)
    {
        _chipFile = chipFile;
        _chipText = File.ReadAllText(chipFile);
        _memoryBudgetBytes = memoryBudgetBytes;
    }

    public string ChipFile => _chipFile;

    /// <summary>The base chip's text: part of every point's hash, so editing the chip makes new points.</summary>
    public string ChipText => _chipText;

    /// <summary>
    /// The chip with <paramref name="values"/> set. Throws <see cref="PatchException"/> naming the axis (by index)
    /// whose value the chip rejects, or -1 when no single axis is to blame.
    /// </summary>
    public ChipSpec Apply(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepValue> values)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(_chipText))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        int? neurons = null;
        int neuronsAxis = -1;
        for (int i = 0; i < axes.Count; i++)
        {
            if (axes[i].KeyPath == NeuronsPath)
            {
                neurons = int.TryParse(values[i].Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int n) && !values[i].Quoted
                    ? n
                    : throw new PatchException(i, NeuronsPath, $"expected an integer, got '{values[i].Text}'");
                neuronsAxis = i;
                continue;
            }

            if (axes[i].KeyPath.StartsWith(CardPrefix, StringComparison.Ordinal) || WorkloadPatch.IsWorkloadAxis(axes[i]))
            {
                continue;
            }

            Set(root, axes[i].KeyPath, values[i], i);
        }

        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        ChipSpec spec;
        try
        {
            spec = ChipLoader.Parse(_chipFile, text.ToString(), _memoryBudgetBytes);
        }
        catch (ArchException ex)
        {
            int blame = -1;
            for (int i = 0; i < axes.Count; i++)
            {
                if (axes[i].KeyPath == ex.KeyPath || ex.KeyPath.StartsWith(axes[i].KeyPath + ".", StringComparison.Ordinal))
                {
                    blame = i;
                }
            }

            bool unknown = ex.Detail == "unknown key" || ex.Detail.StartsWith("unknown key;", StringComparison.Ordinal);
            throw new PatchException(blame, ex.KeyPath, unknown ? $"the chip schema has no such key ({ex.Detail})" : ex.Detail, atKey: unknown);
        }

        if (neurons is int count)
        {
            try
            {
                spec = ChipLoader.WithNeurons(spec, count, _memoryBudgetBytes);
            }
            catch (ArgumentException ex)
            {
                throw new PatchException(neuronsAxis, NeuronsPath, ex.Message);
            }
        }

        return WithCardValues(spec, axes, values);
    }

    private static ChipSpec WithCardValues(ChipSpec spec, IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepValue> values)
    {
        var cardAxes = Enumerable.Range(0, axes.Count).Where(i => axes[i].KeyPath.StartsWith(CardPrefix, StringComparison.Ordinal)).ToList();
        if (cardAxes.Count == 0)
        {
            return spec;
        }

        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(spec.Device.CardPath)))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (int i in cardAxes)
        {
            Set(root, axes[i].KeyPath[CardPrefix.Length..], values[i], i);
        }

        var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        try
        {
            // The chip loader checks nothing of the card's content, so swapping the card after loading is the same as loading it.
            return spec with { Device = spec.Device with { Card = DeviceCardLoader.Parse(spec.Device.CardPath, text.ToString()) } };
        }
        catch (ArchException ex)
        {
            string cardPath = CardPrefix + ex.KeyPath;
            int blame = cardAxes.LastOrDefault(i => axes[i].KeyPath == cardPath || cardPath.StartsWith(axes[i].KeyPath + ".", StringComparison.Ordinal), -1);
            bool unknown = ex.Detail == "unknown key" || ex.Detail.StartsWith("unknown key;", StringComparison.Ordinal);
            throw new PatchException(blame, cardPath, unknown ? $"the device card schema has no such key ({ex.Detail})" : ex.Detail, atKey: unknown);
        }
    }

    private static void Set(YamlMappingNode root, string keyPath, SweepValue value, int axis)
    {
        if (value.Fields is { } fields)
        {
            foreach (var field in fields)
            {
                Set(root, $"{keyPath}.{field.Key}", new SweepValue(field.Text, field.Quoted, value.Line, value.Column), axis);
            }

            return;
        }

        var parts = keyPath.Split('.');
        var map = root;
        for (int p = 0; p < parts.Length - 1; p++)
        {
            var key = new YamlScalarNode(parts[p]);
            if (!map.Children.TryGetValue(key, out var child))
            {
                // The loader then reports whether the schema has this section.
                child = new YamlMappingNode();
                map.Children.Add(key, child);
            }

            map = child as YamlMappingNode
                ?? throw new PatchException(axis, string.Join('.', parts[..(p + 1)]), "is a single value in the base chip, so it has no keys below it", atKey: true);
        }

        var leaf = new YamlScalarNode(parts[^1]);
        if (map.Children.TryGetValue(leaf, out var existing) && existing is not YamlScalarNode)
        {
            throw new PatchException(axis, keyPath, "is a section in the base chip, not a single value; name a key inside it", atKey: true);
        }

        map.Children[leaf] = new YamlScalarNode(value.Text) { Style = value.Quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };
    }
}

/// <summary>A chip rejected a point's values; <see cref="Axis"/> is the index of the axis to blame, or -1.</summary>
/// <paramref name="atKey"/> marks a problem with the key path itself (not in the schema), as opposed to the value.
public sealed class PatchException(int axis, string keyPath, string detail, bool atKey = false) : Exception($"{keyPath}: {detail}")
{
    public int Axis { get; } = axis;

    public bool AtKey { get; } = atKey;

    public string KeyPath { get; } = keyPath;

    public string Detail { get; } = detail;
}
