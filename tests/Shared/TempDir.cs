namespace Engram.Tests.Shared;

/// <summary>A fresh temporary folder (<see cref="Directory.CreateTempSubdirectory(string?)"/>), deleted with everything in it on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "engram-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path (it exists).</summary>
    public string Path { get; }

    /// <summary>A path inside the folder; nothing is created there.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
