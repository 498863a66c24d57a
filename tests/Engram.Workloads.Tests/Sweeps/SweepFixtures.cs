using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

/// <summary>Small sweeps over the hnn64 chip that run in well under a second per point.</summary>
internal static class SweepFixtures
{
    public static string Chip => Path.Combine(RepoPaths.Chips, "hnn64.yaml");

    /// <summary>2 x 3 grid of compare points (6 points, N = 64).</summary>
    public static string SmallYaml(string name = "small") => $$"""
        name: {{name}}
        chip: {{Chip}}
        axes:
          periphery.adc.bits: [4, 6]
          periphery.adc.columns_per_adc: [1, 4, 8]
        workload: { kind: compare, patterns: 2, seed: 3 }
        metrics: [sync_energy_j, sync_latency_ps, async_energy_j, async_latency_ps, energy_ratio, area_um2]
        """;

    public static string Write(TempDir dir, string yaml, string file = "sweep.yaml")
    {
        string path = dir.Combine(file);
        File.WriteAllText(path, yaml);
        return path;
    }

    public static SweepFile Small(TempDir dir, string name = "small") => SweepReader.Load(Write(dir, SmallYaml(name), name + ".yaml"));
}
