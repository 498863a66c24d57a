using System.Text.Json.Serialization;

namespace Engram.Workloads.Sweeps;

/// <summary>One finished point as one line of a results journal.</summary>
public sealed record SweepResult
{
    /// <summary>Hash of the sweep file (<see cref="SweepFile.Hash"/>): lines of other sweeps are refused.</summary>
    [JsonPropertyName("sweep")]
    public required string Sweep { get; init; }

    [JsonPropertyName("index")]
    public required int Index { get; init; }

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Axis key path → value as written in the sweep file.</summary>
    [JsonPropertyName("axes")]
    public required IReadOnlyDictionary<string, string> Axes { get; init; }

    [JsonPropertyName("metrics")]
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Wall time of the point; informative only (it is never part of the merged CSV, which must be reproducible).</summary>
    [JsonPropertyName("wall_s")]
    public double WallSeconds { get; init; }

    [JsonPropertyName("engram")]
    public string Version { get; init; } = "";
}
