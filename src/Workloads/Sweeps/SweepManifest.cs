using System.Text.Json;
using System.Text.Json.Serialization;
using Engram.Workloads.Reports;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// <c>sweep.json</c> in a sweep's output folder: the sweep's hash, axes, metrics and every point, written by the
/// first shard to start. Merge and report read it to know the point order, the columns and which points are missing,
/// without the sweep file or the chips.
/// </summary>
public sealed record SweepManifest
{
    public const string FileName = "sweep.json";
    public const string CurrentFormat = "engram-sweep/1";

    private static readonly JsonSerializerOptions Indented = new(ResultsJournal.Json) { WriteIndented = true };

    [JsonPropertyName("format")]
    public string Format { get; init; } = CurrentFormat;

    [JsonPropertyName("sweep")]
    public required string Sweep { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The sweep file's name (without its folder, so the folder can move).</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("chip")]
    public required string Chip { get; init; }

    [JsonPropertyName("combine")]
    public required string Combine { get; init; }

    [JsonPropertyName("workload")]
    public required string Workload { get; init; }

    [JsonPropertyName("options")]
    public required string Options { get; init; }

    [JsonPropertyName("axes")]
    public required IReadOnlyList<string> Axes { get; init; }

    /// <summary>Metric name → unit.</summary>
    [JsonPropertyName("metrics")]
    public required IReadOnlyList<ManifestMetric> Metrics { get; init; }

    [JsonPropertyName("points")]
    public required IReadOnlyList<ManifestPoint> Points { get; init; }

    public static SweepManifest Of(SweepFile sweep) => new()
    {
        Sweep = sweep.Hash,
        Name = sweep.Name,
        File = Path.GetFileName(sweep.File),
        Chip = Path.GetFileName(sweep.ChipFile),
        Combine = sweep.Combine.ToString().ToLowerInvariant(),
        Workload = sweep.Workload.Kind,
        Options = sweep.Workload.Canonical,
        Axes = [.. sweep.Axes.Select(a => a.KeyPath)],
        Metrics = [.. sweep.Metrics.Select(m => new ManifestMetric(m, sweep.Workload.Metrics[m]))],
        Points = [.. sweep.Points.Select(p => new ManifestPoint(p.Index, p.Id, [.. p.Values.Select(v => v.Text)]))],
    };

    public static SweepManifest Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"{folder}: no {FileName}: not the output folder of engram sweep");
        }

        var manifest = JsonSerializer.Deserialize<SweepManifest>(System.IO.File.ReadAllText(path), ResultsJournal.Json)
            ?? throw new InvalidDataException($"{path}: empty");
        return manifest.Format == CurrentFormat ? manifest : throw new InvalidDataException($"{path}: format '{manifest.Format}', expected {CurrentFormat}");
    }

    /// <summary>
    /// Writes the manifest into <paramref name="folder"/> unless an identical sweep's is there; throws
    /// <see cref="InvalidDataException"/> when the folder belongs to another sweep. Atomic, so shards starting together are safe.
    /// </summary>
    public void WriteOrCheck(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (System.IO.File.Exists(path))
        {
            var existing = Read(folder);
            if (existing.Sweep != Sweep)
            {
                throw new InvalidDataException($"{folder}: holds sweep '{existing.Name}' ({existing.File}, {existing.Sweep}), not '{Name}' ({File}, {Sweep}); use a new --out folder");
            }

            return;
        }

        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Indented) + "\n");
    }
}

public sealed record ManifestMetric([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("unit")] string Unit);

public sealed record ManifestPoint(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values);
