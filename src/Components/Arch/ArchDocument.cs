using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
        string yaml = text.ReadToEnd();
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            // YamlDotNet reports duplicate keys and syntax errors here, with the offending mark.
            bool duplicate = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            throw new ArchException(file, e.Start.Line, e.Start.Column, duplicate ? KeyPathAt(yaml, e.Start) : "", duplicate ? "duplicate key" : e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these without a location on some malformed input: its scanner on an unclosed '[',
            // its tree builder on an event it does not expect (': a: b' as a key). The event it stopped at is the place.
            var last = parser.Current;
            long line = last?.Start.Line ?? 0;
            throw new ArchException(file, line, line > 0 ? last!.Start.Column : 0, "", $"malformed YAML: {e.Message}", e);
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

    /// <summary>
    /// The key path of the mapping key starting at <paramref name="mark"/>, found by replaying the parser's events
    /// (YamlDotNet names a duplicate key only by its mark); "" when no plain key starts there.
    /// </summary>
    private static string KeyPathAt(string yaml, Mark mark)
    {
        var frames = new List<Frame>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingEnd or SequenceEnd:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    case not (Scalar or AnchorAlias or MappingStart or SequenceStart):
                        continue;
                }

                var node = parser.Current;
                if (frames.Count > 0 && frames[^1] is { IsMap: true, ExpectKey: true } map)
                {
                    if (node is Scalar key && key.Start.Line == mark.Line && key.Start.Column == mark.Column)
                    {
                        // An empty key is written '' as ArchMap names it, so the path is never empty.
                        return PathOf(frames, key.Value.Length > 0 ? key.Value : "''");
                    }

                    // A complex or alias key before the duplicate only has to be stepped over.
                    map.Key = node is Scalar { Value.Length: > 0 } named ? named.Value : node is Scalar ? "''" : "?";
                    map.ExpectKey = false;
                    if (node is MappingStart or SequenceStart)
                    {
                        frames.Add(new Frame { IsMap = node is MappingStart });
                    }

                    continue;
                }

                if (frames.Count > 0)
                {
                    var parent = frames[^1];
                    parent.Index++;
                    parent.ExpectKey = true;
                }

                if (node is MappingStart or SequenceStart)
                {
                    frames.Add(new Frame { IsMap = node is MappingStart });
                }
            }
        }
        catch (YamlException)
        {
            // The text breaks after the duplicate; the key was found before or is not a plain key.
        }

        return "";
    }

    private static string PathOf(List<Frame> frames, string key)
    {
        var path = new System.Text.StringBuilder();
        for (int i = 0; i < frames.Count - 1; i++)
        {
            if (frames[i].IsMap)
            {
                path.Append(path.Length > 0 ? "." : "").Append(frames[i].Key);
            }
            else
            {
                path.Append('[').Append(frames[i].Index).Append(']');
            }
        }

        return path.Length > 0 ? $"{path}.{key}" : key;
    }

    /// <summary>One open mapping or list while replaying events: the key or item index being read.</summary>
    private sealed class Frame
    {
        public bool IsMap { get; init; }

        public string Key { get; set; } = "";

        public int Index { get; set; } = -1;

        public bool ExpectKey { get; set; } = true;
    }
}
