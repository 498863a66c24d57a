namespace Engram.Components.Tests.Arch;

internal static class RepoPaths
{
    /// <summary>The repository's <c>arch/devices</c>, found by walking up from the test binaries.</summary>
    public static string DeviceCards => Find(Path.Combine("arch", "devices"));

    /// <summary>The repository's <c>arch/chips</c>.</summary>
    public static string Chips => Find(Path.Combine("arch", "chips"));

    /// <summary>This project's broken chip files (source tree, not copied to the output).</summary>
    public static string BrokenChips => Find(Path.Combine("tests", "Engram.Components.Tests", "Arch", "broken-chips"));

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(relative + " not found above " + AppContext.BaseDirectory);
    }
}
