using System.Text;
using Engram.Components.Arch;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// Makes a point's workload when axes name workload options (<c>workload.cue_flip</c>, <c>workload.rule</c>): sets
/// each value in a copy of the sweep file's <c>workload</c> mapping and reads the copy exactly as the file's own
/// workload is read, so an option can be swept when the workload accepts it there, with the same checks. The
/// workload's kind is fixed for a sweep, because the metrics a sweep may record depend on it.
/// </summary>
internal sealed class WorkloadPatch
{
    public const string Prefix = "workload.";

    private readonly string _file;
    private readonly YamlMappingNode _options;
    private readonly SweepWorkload _base;
    private readonly Func<ArchMap, SweepWorkload> _read;
    private readonly Dictionary<string, SweepWorkload> _made = new(StringComparer.Ordinal);

    /// <param name="options">The sweep file's <c>workload</c> mapping as written.</param>
    /// <param name="read">Reads a <c>workload</c> mapping (the reader the sweep file's own workload went through).</param>
    public WorkloadPatch(string file, YamlMappingNode options, SweepWorkload baseWorkload, Func<ArchMap, SweepWorkload> read)
    {
        _file = file;
        _options = options;
        _base = baseWorkload;
        _read = read;
    }

    public static bool IsWorkloadAxis(SweepAxis axis) => axis.KeyPath.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The workload with the workload axes' <paramref name="values"/> set (the sweep's own when none is a workload
    /// axis). Throws <see cref="PatchException"/> naming the axis (by index) whose value the workload rejects.
    /// </summary>
    public SweepWorkload Apply(IReadOnlyList<SweepAxis> axes, IReadOnlyList<SweepValue> values)
    {
        var set = new List<(int Axis, string Option, SweepValue Value)>();
        for (int i = 0; i < axes.Count; i++)
        {
            if (!IsWorkloadAxis(axes[i]))
            {
                continue;
            }

            string option = axes[i].KeyPath[Prefix.Length..];
            if (option == "kind")
            {
                throw new PatchException(i, axes[i].KeyPath, "the workload kind is fixed for a sweep (the metrics it may record depend on it); write one sweep file per kind", atKey: true);
            }

            if (values[i].Fields is not null)
            {
                throw new PatchException(i, axes[i].KeyPath, "a workload option takes a single value, not a mapping");
            }

            set.Add((i, option, values[i]));
        }

        if (set.Count == 0)
        {
            return _base;
        }

        string key = string.Join('\n', set.Select(s => $"{s.Option}={(s.Value.Quoted ? "\"" + s.Value.Text + "\"" : s.Value.Text)}"));
        if (_made.TryGetValue(key, out var made))
        {
            return made;
        }

        var copy = new YamlMappingNode();
        foreach (var (k, v) in _options.Children)
        {
            copy.Children.Add(k, v);
        }

        foreach (var (_, option, value) in set)
        {
            copy.Children[new YamlScalarNode(option)] = new YamlScalarNode(value.Text) { Style = value.Quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain };
        }

        var text = new StringWriter();
        new YamlStream(new YamlDocument(new YamlMappingNode { { "workload", copy } })).Save(text, assignAnchors: false);
        try
        {
            made = _read(ArchDocument.Parse(_file, new StringReader(text.ToString())).Root.RequireMap("workload"));
        }
        catch (ArchException ex)
        {
            // Lines of the copy mean nothing to the user: blame the axis that set the key (-1 when it was the file's own).
            int blame = set.Where(s => ex.KeyPath == Prefix + s.Option || ex.KeyPath.StartsWith(Prefix + s.Option + ".", StringComparison.Ordinal))
                .Select(s => s.Axis).DefaultIfEmpty(-1).Last();
            bool unknown = ex.Detail == "unknown key" || ex.Detail.StartsWith("unknown key;", StringComparison.Ordinal);
            throw new PatchException(blame, ex.KeyPath, unknown ? $"the workload has no such option ({ex.Detail})" : ex.Detail, atKey: unknown);
        }

        _made[key] = made;
        return made;
    }
}
