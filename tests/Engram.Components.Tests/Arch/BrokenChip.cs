namespace Engram.Components.Tests.Arch;

/// <summary>
/// One file of <c>broken-chips/</c>: its header names the key path (<c># expect-key:</c>) and a piece of the
/// message (<c># expect-detail:</c>) the loader must report; the offending line ends with <c># &lt;-- error</c>.
/// </summary>
internal sealed record BrokenChip(string Path, string KeyPath, string Detail, int Line)
{
    public static IReadOnlyList<BrokenChip> All() =>
        Directory.GetFiles(RepoPaths.BrokenChips, "*.yaml").Order(StringComparer.Ordinal).Select(Read).ToList();

    public static BrokenChip Named(string name) => Read(System.IO.Path.Combine(RepoPaths.BrokenChips, name + ".yaml"));

    private static BrokenChip Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string Header(string tag) => lines.Single(l => l.StartsWith($"# {tag}: ", StringComparison.Ordinal))[(tag.Length + 4)..].Trim();
        int line = Array.FindIndex(lines, l => l.EndsWith("# <-- error", StringComparison.Ordinal)) + 1;
        return new BrokenChip(path, Header("expect-key"), Header("expect-detail"), line);
    }

    public override string ToString() => System.IO.Path.GetFileName(Path);
}
