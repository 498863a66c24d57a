namespace Engram.Components.Tests.Arch;

internal static class RepoPaths
{
    /// <summary>The repository's <c>arch/devices</c>, found by walking up from the test binaries.</summary>
    public static string DeviceCards
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "arch", "devices");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("arch/devices not found above " + AppContext.BaseDirectory);
        }
    }
}
