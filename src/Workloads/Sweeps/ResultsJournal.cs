using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// The append-only results file of one shard, <c>results-&lt;shard&gt;.jsonl</c>: one JSON line per finished point,
/// written with a single write and fsynced before the next point is reported done. A process killed mid-write
/// leaves at most a torn last line (no newline), which <see cref="Open"/> cuts off before appending, so resuming
/// never glues a new line onto half an old one and never records a point twice.
/// </summary>
public sealed class ResultsJournal : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly FileStream _stream;
    private readonly HashSet<string> _done;
    private readonly Lock _gate = new();

    private ResultsJournal(FileStream stream, HashSet<string> done)
    {
        _stream = stream;
        _done = done;
    }

    public static string FileName(int shard) => $"results-{shard}.jsonl";

    /// <summary>Ids of the points already recorded.</summary>
    public IReadOnlySet<string> Done => _done;

    /// <summary>Opens (creating) a journal for appending; throws <see cref="InvalidDataException"/> if it holds another sweep's lines or a corrupt line.</summary>
    public static ResultsJournal Open(string path, string sweepHash)
    {
        var (results, goodLength) = ReadValid(path);
        if (results.FirstOrDefault(r => r.Sweep != sweepHash) is { } foreign)
        {
            throw new InvalidDataException($"{path}: holds results of another sweep file (sweep {foreign.Sweep}, this one is {sweepHash}); use a new --out folder");
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length != goodLength)
        {
            stream.SetLength(goodLength);
            stream.Flush(flushToDisk: true);
        }

        stream.Seek(0, SeekOrigin.End);
        return new ResultsJournal(stream, [.. results.Select(r => r.Id)]);
    }

    /// <summary>Every complete line of a journal; a torn last line is ignored. Throws <see cref="InvalidDataException"/> on a corrupt complete line.</summary>
    public static IReadOnlyList<SweepResult> Read(string path) => ReadValid(path).Results;

    /// <summary>Records a point unless it is already there; returns false for a duplicate.</summary>
    public bool Append(SweepResult result)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(result, Json) + "\n");
        lock (_gate)
        {
            if (!_done.Add(result.Id))
            {
                return false;
            }

            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
            return true;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static (List<SweepResult> Results, long GoodLength) ReadValid(string path)
    {
        var results = new List<SweepResult>();
        if (!File.Exists(path))
        {
            return (results, 0);
        }

        byte[] bytes = File.ReadAllBytes(path);
        int start = 0;
        int lineNumber = 0;
        while (true)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                // No newline after the last bytes: a write cut short by a kill. They are not a result.
                return (results, start);
            }

            lineNumber++;
            var text = Encoding.UTF8.GetString(bytes, start, end - start);
            SweepResult? result;
            try
            {
                result = JsonSerializer.Deserialize<SweepResult>(text, Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a results line: {ex.Message}", ex);
            }

            results.Add(result ?? throw new InvalidDataException($"{path}:{lineNumber}: empty results line"));
            start = end + 1;
        }
    }
}
