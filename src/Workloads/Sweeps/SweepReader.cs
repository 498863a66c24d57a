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
        var root = ArchDocument.Parse(file, new StringReader(text)).Root;
        root.EnsureOnlyKeys("name", "chip", "combine", "axes", "workload", "metrics");
        string name = root.RequireString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.ErrorAt("name", "must not be empty");
        }

        string chipFile = ResolveChip(root, file);
        var combine = root.OptionalString("combine", "grid") switch
        {
            "grid" => SweepCombine.Grid,
            "zip" => SweepCombine.Zip,
            var other => throw root.ErrorAt("combine", $"expected grid or zip, got '{other}'"),
        };
        var axes = ReadAxes(root);
        var workload = ReadWorkload(root.RequireMap("workload"));
        var workloadPatch = new WorkloadPatch(file, WorkloadNode(text), workload, ReadWorkload);
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

        CheckEachValue(file, axes, patch, workloadPatch);
        var points = Enumerate(file, root, axes, combine, patch, workloadPatch);
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

    // The workload mapping as written, for workload axes to set options in copies of it.
    private static YamlMappingNode WorkloadNode(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("workload")];
    }

    private static string ResolveChip(ArchMap root, string file)
    {
        string chip = root.RequireString("chip");
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

    private static List<SweepAxis> ReadAxes(ArchMap root)
    {
        var map = root.RequireMap("axes");
        if (map.Keys.Count == 0)
        {
            throw root.ErrorAt("axes", "a sweep needs at least one axis");
        }

        var axes = new List<SweepAxis>();
        foreach (string keyPath in map.Keys)
        {
            // A dotted key here is one chip key path, not nested sweep keys: its values follow the chip's schema,
            // so they are read raw and ChipPatch checks them.
            var keyStart = map.KeyStart(keyPath);
            var valueNode = map.RequireNode(keyPath);
            string path = $"axes.{keyPath}";
            if (!KeyPathPattern().IsMatch(keyPath))
            {
                throw map.KeyErrorAt(keyPath, "an axis is a dotted chip key path of snake_case keys, such as periphery.adc.bits");
            }

            if (valueNode is not YamlSequenceNode list)
            {
                throw map.ErrorAt(keyPath, "expected a list of values, such as [4, 5, 6, 8]");
            }

            if (list.Children.Count == 0)
            {
                throw map.ErrorAt(keyPath, "the axis is empty: give at least one value");
            }

            var values = new List<SweepValue>();
            for (int i = 0; i < list.Children.Count; i++)
            {
                var item = list.Children[i];
                string itemPath = $"{path}[{i}]";
                if (item is YamlMappingNode mapping)
                {
                    var value = ReadMappingValue(map.File, mapping, itemPath);
                    if (values.Any(v => v.Text == value.Text))
                    {
                        throw At(map.File, item.Start, itemPath, $"value '{value.Text}' appears twice: points would repeat");
                    }

                    values.Add(value);
                    continue;
                }

                if (item is not YamlScalarNode scalar || scalar.Value is null ||
                    (scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null")))
                {
                    throw At(map.File, item.Start, itemPath, "expected a single value (a number, a word or a quoted string) or a mapping of keys below the axis's section");
                }

                bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                if (values.Any(v => v.Text == scalar.Value && v.Quoted == quoted))
                {
                    throw At(map.File, item.Start, itemPath, $"value '{scalar.Value}' appears twice: points would repeat");
                }

                values.Add(new SweepValue(scalar.Value, quoted, item.Start.Line, item.Start.Column));
            }

            axes.Add(new SweepAxis(keyPath, values, keyStart.Line, keyStart.Column));
        }

        map.EnsureNoUnknownKeys();
        return axes;
    }

    // A mapping value sets several keys of the axis's section together (a controller placement with its round trip,
    // a conductance range's two ends), so values that only make sense together are one point, not a grid of them.
    private static SweepValue ReadMappingValue(string file, YamlMappingNode mapping, string itemPath)
    {
        if (mapping.Children.Count == 0)
        {
            throw At(file, mapping.Start, itemPath, "an empty mapping sets nothing: give at least one key");
        }

        var fields = new List<SweepField>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            string key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!KeyPathPattern().IsMatch(key))
            {
                throw At(file, keyNode.Start, itemPath, $"'{key}': a key of a mapping value is a snake_case chip key below the axis, such as placement");
            }

            if (valueNode is not YamlScalarNode scalar || scalar.Value is null ||
                (scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value is "~" or "null")))
            {
                throw At(file, valueNode.Start, $"{itemPath}.{key}", "expected a single value (a number, a word or a quoted string)");
            }

            fields.Add(new SweepField(key, scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted));
        }

        string text = "{" + string.Join(", ", fields.Select(f => $"{f.Key}: {(f.Quoted ? "\"" + f.Text + "\"" : f.Text)}")) + "}";
        return new SweepValue(text, false, mapping.Start.Line, mapping.Start.Column) { Fields = fields };
    }

    private static SweepWorkload ReadWorkload(ArchMap map)
    {
        string kind = map.RequireString("kind");
        switch (kind)
        {
            case "compare":
            {
                map.EnsureOnlyKeys("kind", "rule", "patterns", "cue_flip", "seed");
                var rule = map.OptionalString("rule", "hebb") switch
                {
                    "hebb" => WeightRuleKind.Hebb,
                    "pinv" => WeightRuleKind.Pinv,
                    "storkey" => WeightRuleKind.Storkey,
                    "adaptive" => WeightRuleKind.Adaptive,
                    var other => throw map.ErrorAt("rule", $"expected hebb, pinv, storkey or adaptive, got '{other}'"),
                };
                int? patterns = map.Has("patterns") ? map.RequireInt("patterns", 1) : null;
                var workload = new CompareWorkload(rule, patterns, map.OptionalDouble("cue_flip", 0.05, 0, 1), Seed(map));
                map.EnsureNoUnknownKeys();
                return workload;
            }

            case "capacity":
            {
                map.EnsureOnlyKeys("kind", "rule", "hidden", "grid", "fault_rate", "trials", "cue_flip", "variation", "iterations", "seed");
                string rule = map.RequireString("rule");
                if (!Capacity.LearnerCatalog.Names.Contains(rule))
                {
                    throw map.ErrorAt("rule", $"expected one of {string.Join(", ", Capacity.LearnerCatalog.Names)}, got '{rule}'");
                }

                var workload = new CapacityWorkload
                {
                    Rule = rule,
                    Hidden = map.Has("hidden") ? map.RequireInt("hidden", 1) : null,
                    Grid = map.Has("grid") ? ReadGrid(map) : null,
                    FaultRate = map.OptionalDouble("fault_rate", 0, 0, 0.999999),
                    Trials = map.OptionalInt("trials", 20, 1, 1_000_000),
                    CueFlip = map.OptionalDouble("cue_flip", 0.05, 0, 1),
                    Variation = map.OptionalDouble("variation", 0, 0, 10),
                    Iterations = map.Has("iterations") ? map.RequireInt("iterations", 1, 1_000_000) : null,
                    Seed = Seed(map),
                };
                if (workload.Grid is { } grid && grid.Zip(grid.Skip(1)).Any(g => g.Second <= g.First))
                {
                    throw map.ErrorAt("grid", "pattern counts must be strictly ascending");
                }

                map.EnsureNoUnknownKeys();
                return workload;
            }

            default:
                throw map.ErrorAt("kind", $"expected compare or capacity, got '{kind}'");
        }
    }

    private static ulong Seed(ArchMap map) => (ulong)map.OptionalLong("seed", 1, 0);

    private static IReadOnlyList<int> ReadGrid(ArchMap map)
    {
        var items = map.RequireScalarList("grid");
        var values = new int[items.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!int.TryParse(items[i].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1)
            {
                throw At(map.File, items[i].Start, $"{map.Path}.grid[{i}]", $"expected an integer >= 1, got '{items[i].Value}'");
            }
        }

        return values;
    }

    private static List<string> ReadMetrics(ArchMap root, SweepWorkload workload)
    {
        var items = root.RequireScalarList("metrics");
        var metrics = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            string name = items[i].Value!;
            if (!workload.Metrics.ContainsKey(name))
            {
                throw At(root.File, items[i].Start, $"metrics[{i}]",
                    $"the {workload.Kind} workload has no metric '{name}'; expected one of: {string.Join(", ", workload.Metrics.Keys)}");
            }

            if (metrics.Contains(name))
            {
                throw At(root.File, items[i].Start, $"metrics[{i}]", $"metric '{name}' is listed twice");
            }

            metrics.Add(name);
        }

        root.EnsureNoUnknownKeys();
        return metrics;
    }

    private static ArchException At(string file, Mark mark, string keyPath, string detail) => new(file, mark.Line, mark.Column, keyPath, detail);

    // Each value alone on the base chip first: an error then names the one axis value at fault.
    private static void CheckEachValue(string file, List<SweepAxis> axes, ChipPatch patch, WorkloadPatch workloadPatch)
    {
        foreach (var axis in axes)
        {
            for (int i = 0; i < axis.Values.Count; i++)
            {
                try
                {
                    if (WorkloadPatch.IsWorkloadAxis(axis))
                    {
                        workloadPatch.Apply([axis], [axis.Values[i]]);
                    }
                    else
                    {
                        patch.Apply([axis], [axis.Values[i]]);
                    }
                }
                catch (PatchException ex)
                {
                    string where = WorkloadPatch.IsWorkloadAxis(axis) ? "the workload" : Path.GetFileName(patch.ChipFile);
                    if (ex.AtKey)
                    {
                        throw new ArchException(file, axis.Line, axis.Column, $"axes.{axis.KeyPath}", $"{ex.KeyPath}: {ex.Detail} (in {where})");
                    }

                    var v = axis.Values[i];
                    throw new ArchException(file, v.Line, v.Column, $"axes.{axis.KeyPath}[{i}]", $"{ex.KeyPath}: {ex.Detail} (when set in {where})");
                }
            }
        }
    }

    private static List<SweepPoint> Enumerate(string file, ArchMap root, List<SweepAxis> axes, SweepCombine combine, ChipPatch patch, WorkloadPatch workloadPatch)
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
            SweepWorkload workload;
            try
            {
                chip = patch.Apply(axes, values);
                workload = workloadPatch.Apply(axes, values);
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

            points.Add(new SweepPoint(index, SweepHash.Of(canonical.ToString()), values, chip, workload));
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
