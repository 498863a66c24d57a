namespace Engram.Tests.Shared;

/// <summary>The repository's folders, found by walking up from the test binaries to the folder holding <c>Engram.slnx</c>.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootFolder = new(FindRoot);

    /// <summary>The repository root (the folder with <c>Engram.slnx</c>).</summary>
    public static string Root => RootFolder.Value;

    /// <summary><c>arch/chips</c>.</summary>
    public static string Chips => Existing("arch", "chips");

    /// <summary><c>arch/devices</c>.</summary>
    public static string DeviceCards => Existing("arch", "devices");

    /// <summary><c>data</c>.</summary>
    public static string Data => Existing("data");

    /// <summary><c>traces</c>.</summary>
    public static string Traces => Existing("traces");

    /// <summary>The loader's broken chip files (source tree, not copied to the output).</summary>
    public static string BrokenChips => Existing("tests", "Engram.Components.Tests", "Arch", "broken-chips");

    private static string Existing(params string[] parts)
    {
        string path = Path.Combine([Root, .. parts]);
        return Directory.Exists(path) ? path : throw new DirectoryNotFoundException(path + " not found");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engram.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (Engram.slnx) not found above " + AppContext.BaseDirectory);
    }
}
