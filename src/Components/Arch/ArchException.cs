namespace Engram.Components.Arch;

/// <summary>
/// An error in an architecture file, located for a human: <c>file:line:column: key.path: detail</c>.
/// Line and column are 1-based; 0 means "the whole file" (e.g. it does not exist).
/// </summary>
public sealed class ArchException : Exception
{
    public ArchException(string file, long line, long column, string keyPath, string detail, Exception? inner = null)
        : base(Format(file, line, column, keyPath, detail), inner)
    {
        File = file;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Detail = detail;
    }

    public string File { get; }

    public long Line { get; }

    public long Column { get; }

    /// <summary>Dotted path of the offending key, with [i] for list items; empty for the document itself.</summary>
    public string KeyPath { get; }

    public string Detail { get; }

    private static string Format(string file, long line, long column, string keyPath, string detail)
    {
        string where = line > 0 ? $"{file}:{line}:{column}" : file;
        return keyPath.Length > 0 ? $"{where}: {keyPath}: {detail}" : $"{where}: {detail}";
    }
}
