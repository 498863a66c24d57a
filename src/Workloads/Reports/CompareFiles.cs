using System.Text.Json;
using Engram.Workloads.Recall;

namespace Engram.Workloads.Reports;

/// <summary>
/// <c>engram compare --out DIR</c>: <c>compare.json</c> (the comparison, with energy per component kind of each
/// schedule) and <c>report.html</c>, written together through an <see cref="OutputFolder"/>.
/// </summary>
public static class CompareFiles
{
    public const string JsonFileName = "compare.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Json(string chip, RecallSettings settings, Comparison result) => JsonSerializer.Serialize(new
    {
        chip,
        n = result.N,
        recalls = result.Recalls,
        rule = settings.Rule.ToString().ToLowerInvariant(),
        cue_flip = settings.CueFlip,
        seed = settings.Seed,
        sync = Schedule(result.Sync),
        async = Schedule(result.Async),
        energy_ratio = result.EnergyRatio,
        latency_reduction = result.LatencyReduction,
        energy_ratio_per_iteration = result.EnergyRatioPerIteration,
        latency_reduction_per_iteration = result.LatencyReductionPerIteration,
    }, Indented) + "\n";

    public static void Write(string dir, string chip, RecallSettings settings, Comparison result)
    {
        using var folder = new OutputFolder(dir);
        folder.WriteText(JsonFileName, Json(chip, settings, result));
        folder.WriteText(HtmlReport.FileName, FolderReport.Build(folder.PathOf("")).Render());
        folder.Commit();
    }

    private static object Schedule(ScheduleFigures f) => new
    {
        energy_j = f.EnergyJ,
        latency_ps = f.LatencyPs,
        iterations = f.Iterations,
        updates = f.Updates,
        energy_per_iteration_j = f.EnergyPerIterationJ,
        latency_per_iteration_ps = f.LatencyPerIterationPs,
        exact = f.ExactFraction,
        energy_by_kind_j = new SortedDictionary<string, double>(f.EnergyByKindJ.ToDictionary(k => k.Key, k => k.Value), StringComparer.Ordinal),
    };
}
