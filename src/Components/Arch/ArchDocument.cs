using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engram.Components.Arch;

/// <summary>
/// One parsed YAML architecture file. Its root must be a mapping; reading goes through <see cref="Root"/>,
/// which records every key path read so callers can check references to keys (e.g. provenance entries).
/// </summary>
public sealed class ArchDocument
{
    private readonly HashSet<string> _readPaths = new(StringComparer.Ordinal);

    private ArchDocument(string file, YamlMappingNode root)
    {
        File = file;
        Root = new ArchMap(this, "", root);
    }

    /// <summary>The file name as given by the caller; error messages use it verbatim.</summary>
    public string File { get; }

    public ArchMap Root { get; }

    /// <summary>Every key path read so far (values, maps and lists).</summary>
    public IReadOnlySet<string> ReadPaths => _readPaths;

    public static ArchDocument Load(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new ArchException(path, 0, 0, "", "file not found");
        }

        using var reader = new StreamReader(path);
        return Parse(path, reader);
    }

    /// <summary>Parses YAML text; <paramref name="file"/> names it in errors.</summary>
    public static ArchDocument Parse(string file, TextReader text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            // YamlDotNet reports duplicate keys and syntax errors here, with the offending mark.
            string detail = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? "duplicate key" : e.Message;
            throw new ArchException(file, e.Start.Line, e.Start.Column, "", detail, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a location, on some malformed input (e.g. an unclosed '[').
            throw new ArchException(file, 0, 0, "", $"malformed YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new ArchException(file, 0, 0, "", $"expected exactly one YAML document, found {stream.Documents.Count}");
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode map)
        {
            throw new ArchException(file, root.Start.Line, root.Start.Column, "", "the document must be a mapping of keys to values");
        }

        return new ArchDocument(file, map);
    }

    internal void MarkRead(string path) => _readPaths.Add(path);
}
