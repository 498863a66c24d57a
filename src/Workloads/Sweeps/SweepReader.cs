using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Engram.Components.Arch;
using Engram.Workloads.Recall;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// Reads a sweep file as strictly as the chip loader reads chips: unknown keys, missing or mistyped values, an
/// empty axis, a key path the chip schema lacks, an axis value the chip rejects, zip axes of unequal length and
/// unknown metrics are <see cref="ArchException"/>s naming the sweep file, line, column and key path. Every point's
/// chip is built and checked here, so a sweep that starts never fails on a bad point later.
/// </summary>
public static partial class SweepReader
{
    public static SweepFile Load(string path) => Load(path, ChipLoader.DefaultMemoryBudgetBytes);

    public static SweepFile Load(string path, long memoryBudgetBytes)
    {
        if (!File.Exists(path))
        {
            throw new ArchException(path, 0, 0, "", "file not found");
        }

        return Parse(path, File.ReadAllText(path), memoryBudgetBytes);
    }

    /// <summary>Parses sweep YAML; <paramref name="file"/> names it in errors and anchors the relative <c>chip</c> path.</summary>
    public static SweepFile Parse(string file, string text, long memoryBudgetBytes)
    {
        var root = new StrictMap(file, "", ParseRoot(file, text));
        root.OnlyKeys("name", "chip", "combine", "axes", "workload", "metrics");
        string name = root.String("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.ErrorAt("name", "must not be empty");
        }

        string chipFile = ResolveChip(root, file);
        var combine = root.Has("combine")
            ? root.String("combine") switch
            {
                "grid" => SweepCombine.Grid,
                "zip" => SweepCombine.Zip,
                var other => throw root.ErrorAt("combine", $"expected grid or zip, got '{other}'"),
            }
            : SweepCombine.Grid;
        var axes = ReadAxes(root);
        var workload = ReadWorkload(root.Map("workload"));
        var metrics = ReadMetrics(root, workload);

        if (combine == SweepCombine.Zip && axes.FirstOrDefault(a => a.Values.Count != axes[0].Values.Count) is { } uneven)
        {
            throw new ArchException(file, uneven.Line, uneven.Column, $"axes.{uneven.KeyPath}",
                $"combine: zip needs axes of equal length: {axes[0].KeyPath} has {axes[0].Values.Count} values, this one {uneven.Values.Count}");
        }

        ChipPatch patch;
        try
        {
            patch = new ChipPatch(chipFile, memoryBudgetBytes);
        }
        catch (IOException ex)
        {
            throw root.ErrorAt("chip", ex.Message);
        }

        CheckEachValue(file, axes, patch);
        var points = Enumerate(file, root, axes, combine, patch, workload);
        var sweepText = new StringBuilder().Append("engram sweep v1\n").Append(name).Append('\n').Append(combine).Append('\n')
            .AppendJoin(',', metrics).Append('\n').AppendJoin('\n', points.Select(p => p.Id));
        return new SweepFile
        {
            File = file,
            Name = name,
            ChipFile = chipFile,
            Combine = combine,
            Axes = axes,
            Workload = workload,
            Metrics = metrics,
            Points = points,
            Hash = SweepHash.Of(sweepText.ToString()),
        };
    }

    private static YamlMappingNode ParseRoot(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string detail = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "duplicate key" : e.Message;
            throw new ArchException(file, e.Start.Line, e.Start.Column, "", detail, e);
        }
        catch (InvalidOperationException e)
        {
            throw new ArchException(file, 0, 0, "", $"malformed YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ArchException(file, 0, 0, "", $"expected exactly one YAML document, found {stream.Documents.Count}");
        }

        var node = stream.Documents[0].RootNode;
        return node as YamlMappingNode
            ?? throw new ArchException(file, node.Start.Line, node.Start.Column, "", "the document must be a mapping of keys to values");
    }

    private static string ResolveChip(StrictMap root, string file)
    {
        string chip = root.String("chip");
        if (string.IsNullOrWhiteSpace(chip))
        {
            throw root.ErrorAt("chip", "must name the base chip file");
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();
        string resolved = Path.GetFullPath(Path.Combine(folder, chip));
        if (!File.Exists(resolved))
        {
            throw root.ErrorAt("chip", $"chip file not found: {resolved}");
        }

        // The base chip must load as it is; its own errors keep its own file:line:column.
        ChipLoader.Load(resolved);
        return resolved;
    }

    private static List<SweepAxis> ReadAxes(StrictMap root)
    {
        var map = root.Map("axes");
        if (map.Keys.Count == 0)
        {
            throw root.ErrorAt("axes", "a sweep needs at least one axis");
        }

        var axes = new List<SweepAxis>();
        foreach (string keyPath in map.Keys)
        {
            var (keyNode, valueNode) = map.Entry(keyPath);
            string path = $"axes.{keyPath}";
            if (!KeyPathPattern().IsMatch(keyPath))
            {
                throw map.Located(keyNode.Start, path, "an axis is a dotted chip key path of snake_case keys, such as periphery.adc.bits");
            }

            if (valueNode is not YamlSequenceNode list)
            {
                throw map.Located(valueNode.Start, path, "expected a list of values, such as [4, 5, 6, 8]");
            }

            if (list.Children.Count == 0)
            {
                throw map.Located(valueNode.Start, path, "the axis is empty: give at least one value");
            }

            var values = new List<SweepValue>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                var item = list.Children[i];
                string itemPath = $"{path}[{i}]";
                if (item is not YamlScalarNode scalar || scalar.Value is null ||
                    (scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null")))
                {
                    throw map.Located(item.Start, itemPath, "expected a single value (a number, a word or a quoted string)");
                }

                bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                if (values.Any(v => v.Text == scalar.Value && v.Quoted == quoted))
                {
                    throw map.Located(item.Start, itemPath, $"value '{scalar.Value}' appears twice: points would repeat");
                }

                values.Add(new SweepValue(scalar.Value, quoted, item.Start.Line, item.Start.Column));
            }

            axes.Add(new SweepAxis(keyPath, values, keyNode.Start.Line, keyNode.Start.Column));
        }

        map.NoUnknownKeys();
        return axes;
    }

    private static SweepWorkload ReadWorkload(StrictMap map)
    {
        string kind = map.String("kind");
        switch (kind)
        {
            case "compare":
            {
                map.OnlyKeys("kind", "rule", "patterns", "cue_flip", "seed");
                var rule = map.Has("rule")
                    ? map.String("rule") switch
                    {
                        "hebb" => WeightRuleKind.Hebb,
                        "pinv" => WeightRuleKind.Pinv,
                        var other => throw map.ErrorAt("rule", $"expected hebb or pinv, got '{other}'"),
                    }
                    : WeightRuleKind.Hebb;
                int? patterns = map.Has("patterns") ? (int)map.Long("patterns", 1, int.MaxValue) : null;
                var workload = new CompareWorkload(rule, patterns, map.Has("cue_flip") ? map.Double("cue_flip", 0, 1) : 0.05, map.Has("seed") ? (ulong)map.Long("seed", 0, long.MaxValue) : 1);
                map.NoUnknownKeys();
                return workload;
            }

            case "capacity":
            {
                map.OnlyKeys("kind", "rule", "hidden", "grid", "fault_rate", "trials", "cue_flip", "variation", "iterations", "seed");
                string rule = map.String("rule");
                if (!Capacity.LearnerCatalog.Names.Contains(rule))
                {
                    throw map.ErrorAt("rule", $"expected one of {string.Join(", ", Capacity.LearnerCatalog.Names)}, got '{rule}'");
                }

                var workload = new CapacityWorkload
                {
                    Rule = rule,
                    Hidden = map.Has("hidden") ? (int)map.Long("hidden", 1, int.MaxValue) : null,
                    Grid = map.Has("grid") ? map.IntList("grid", 1) : null,
                    FaultRate = map.Has("fault_rate") ? map.Double("fault_rate", 0, 0.999999) : 0,
                    Trials = map.Has("trials") ? (int)map.Long("trials", 1, 1_000_000) : 20,
                    CueFlip = map.Has("cue_flip") ? map.Double("cue_flip", 0, 1) : 0.05,
                    Variation = map.Has("variation") ? map.Double("variation", 0, 10) : 0,
                    Iterations = map.Has("iterations") ? (int)map.Long("iterations", 1, 1_000_000) : null,
                    Seed = map.Has("seed") ? (ulong)map.Long("seed", 0, long.MaxValue) : 1,
                };
                if (workload.Grid is { } grid && grid.Zip(grid.Skip(1)).Any(g => g.Second <= g.First))
                {
                    throw map.ErrorAt("grid", "pattern counts must be strictly ascending");
                }

                map.NoUnknownKeys();
                return workload;
            }

            default:
                throw map.ErrorAt("kind", $"expected compare or capacity, got '{kind}'");
        }
    }

    private static List<string> ReadMetrics(StrictMap root, SweepWorkload workload)
    {
        var (names, nodes) = root.StringList("metrics");
        var metrics = new List<string>();
        for (int i = 0; i < names.Count; i++)
        {
            if (!workload.Metrics.ContainsKey(names[i]))
            {
                throw root.Located(nodes[i].Start, $"metrics[{i}]",
                    $"the {workload.Kind} workload has no metric '{names[i]}'; expected one of: {string.Join(", ", workload.Metrics.Keys)}");
            }

            if (metrics.Contains(names[i]))
            {
                throw root.Located(nodes[i].Start, $"metrics[{i}]", $"metric '{names[i]}' is listed twice");
            }

            metrics.Add(names[i]);
        }

        root.NoUnknownKeys();
        return metrics;
    }

    // Each value alone on the base chip first: an error then names the one axis value at fault.
    private static void CheckEachValue(string file, List<SweepAxis> axes, ChipPatch patch)
    {
        foreach (var axis in axes)
        {
            for (int i = 0; i < axis.Values.Count; i++)
            {
                try
                {
                    patch.Apply([axis], [axis.Values[i]]);
                }
                catch (PatchException ex)
                {
                    if (ex.AtKey)
                    {
                        throw new ArchException(file, axis.Line, axis.Column, $"axes.{axis.KeyPath}", $"{ex.KeyPath}: {ex.Detail} (in {Path.GetFileName(patch.ChipFile)})");
                    }

                    var v = axis.Values[i];
                    throw new ArchException(file, v.Line, v.Column, $"axes.{axis.KeyPath}[{i}]", $"{ex.KeyPath}: {ex.Detail} (when set in {Path.GetFileName(patch.ChipFile)})");
                }
            }
        }
    }

    private static List<SweepPoint> Enumerate(string file, StrictMap root, List<SweepAxis> axes, SweepCombine combine, ChipPatch patch, SweepWorkload workload)
    {
        var combinations = combine == SweepCombine.Zip
            ? Enumerable.Range(0, axes[0].Values.Count).Select(i => axes.Select(a => a.Values[i]).ToArray()).ToList()
            : Grid(axes);
        string chipHash = SweepHash.Of(patch.ChipText);
        var points = new List<SweepPoint>(combinations.Count);
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int index = 0; index < combinations.Count; index++)
        {
            var values = combinations[index];
            ChipSpec chip;
            try
            {
                chip = patch.Apply(axes, values);
                workload.Check(chip);
            }
            catch (PatchException ex)
            {
                string what = string.Join(", ", axes.Select((a, i) => $"{a.KeyPath}={values[i].Text}"));
                if (ex.Axis >= 0)
                {
                    var v = values[ex.Axis];
                    int at = axes[ex.Axis].Values.ToList().IndexOf(v);
                    throw new ArchException(file, v.Line, v.Column, $"axes.{axes[ex.Axis].KeyPath}[{at}]", $"point {index} ({what}): {ex.KeyPath}: {ex.Detail}");
                }

                throw root.KeyErrorAt("axes", $"point {index} ({what}): {ex.KeyPath}: {ex.Detail}");
            }
            catch (ArgumentException ex)
            {
                string what = string.Join(", ", axes.Select((a, i) => $"{a.KeyPath}={values[i].Text}"));
                throw root.KeyErrorAt("workload", $"point {index} ({what}): {ex.Message}");
            }

            // The card's text is part of the point too: an edited device card makes new points.
            if (!cards.TryGetValue(chip.Device.CardPath, out string? cardHash))
            {
                cardHash = SweepHash.Of(File.ReadAllText(chip.Device.CardPath));
                cards[chip.Device.CardPath] = cardHash;
            }

            var canonical = new StringBuilder().Append("engram sweep point v1\nchip ").Append(chipHash).Append("\ncard ").Append(cardHash)
                .Append('\n').Append(workload.Canonical);
            for (int a = 0; a < axes.Count; a++)
            {
                canonical.Append('\n').Append(axes[a].KeyPath).Append('=').Append(values[a].Quoted ? "\"" + values[a].Text + "\"" : values[a].Text);
            }

            points.Add(new SweepPoint(index, SweepHash.Of(canonical.ToString()), values, chip));
        }

        var duplicate = points.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.KeyErrorAt("axes", $"points {string.Join(" and ", duplicate.Select(p => p.Index))} are the same design point");
        }

        return points;
    }

    private static List<SweepValue[]> Grid(List<SweepAxis> axes)
    {
        var result = new List<SweepValue[]> { Array.Empty<SweepValue>() };
        foreach (var axis in axes)
        {
            result = [.. result.SelectMany(prefix => axis.Values.Select(v => (SweepValue[])[.. prefix, v]))];
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPathPattern();
}
