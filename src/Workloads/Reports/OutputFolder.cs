namespace Engram.Workloads.Reports;

/// <summary>
/// Results land all at once or not at all: files are written into a hidden staging folder beside the
/// target, which is renamed into place by <see cref="Commit"/>. Disposing without committing deletes the
/// staging folder, so a failed run leaves nothing half-written behind.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly string _staging;
    private bool _committed;

    public OutputFolder(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Target = Path.GetFullPath(target);
        if (File.Exists(Target))
        {
            throw new IOException($"{target}: exists and is a file, not a folder");
        }

        string parent = Path.GetDirectoryName(Target) ?? throw new IOException($"{target}: has no parent folder");
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
    }

    public string Target { get; }

    public string PathOf(string fileName) => Path.Combine(_staging, fileName);

    public void WriteText(string fileName, string text) => File.WriteAllText(PathOf(fileName), text);

    public Stream Create(string fileName) => File.Create(PathOf(fileName));

    /// <summary>A text file with '\n' line ends whatever the platform, so outputs are byte-identical everywhere.</summary>
    public StreamWriter CreateText(string fileName) => new(PathOf(fileName)) { NewLine = "\n" };

    /// <summary>Moves the staged files into place, replacing an earlier result folder of the same name.</summary>
    public void Commit()
    {
        if (_committed)
        {
            throw new InvalidOperationException("already committed");
        }

        string? previous = null;
        if (Directory.Exists(Target))
        {
            previous = _staging + ".previous";
            Directory.Move(Target, previous);
        }

        Directory.Move(_staging, Target);
        _committed = true;
        if (previous is not null)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }
}
