namespace Engram.Workloads.Tests.Sweeps;

/// <summary>
/// One file of <c>broken-sweeps/</c>: its header names the key path (<c># expect-key:</c>) and a piece of the
/// message (<c># expect-detail:</c>) the reader must report; the offending line ends with <c># &lt;-- error</c>.
/// </summary>
internal sealed record BrokenSweep(string Path, string KeyPath, string Detail, int Line)
{
    public static string Folder => System.IO.Path.Combine(RepoPaths.Root, "tests", "Engram.Workloads.Tests", "Sweeps", "broken-sweeps");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    public static BrokenSweep Named(string name)
    {
        string path = System.IO.Path.Combine(Folder, name + ".yaml");
        string[] lines = File.ReadAllLines(path);
        string Header(string tag) => lines.Single(l => l.StartsWith($"# {tag}: ", StringComparison.Ordinal))[(tag.Length + 4)..].Trim();
        int line = Array.FindIndex(lines, l => l.EndsWith("# <-- error", StringComparison.Ordinal)) + 1;
        return new BrokenSweep(path, Header("expect-key"), Header("expect-detail"), line);
    }
}
