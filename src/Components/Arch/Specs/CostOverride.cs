using Engram.Components.Blocks;

namespace Engram.Components.Arch;

/// <summary>A user-supplied figure replacing the profile's for one block kind (YAML <c>costs:</c>); null keeps the profile's.</summary>
public sealed record CostOverride(double? EnergyJ, double? LatencyPs, double? AreaUm2, string Source)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("costs.<kind>.energy_j", "J", "≥ 0", "profile's", "energy of one action of the block kind (what one action is: see below)"),
        new("costs.<kind>.latency_ps", "ps", "≥ 0", "profile's", "latency of that action (rounded up to whole cycles of the block's clock)"),
        new("costs.<kind>.area_um2", "µm²", "≥ 0", "profile's", "area of one unit of the block"),
        new("costs.<kind>.source", "—", "non-empty", "—", "where the figures come from"),
    ];

    // Names of earlier versions of the schema, so an old chip file gets told what the key is called now.
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["cell_read"] = BlockKinds.Crossbar,
        ["register"] = BlockKinds.StateRegister,
        ["wire"] = BlockKinds.Interconnect,
    };

    public static Dictionary<string, CostOverride> ReadAll(ArchMap map)
    {
        foreach (string key in map.Keys)
        {
            if (Renamed.TryGetValue(key, out var now))
            {
                throw map.ErrorAt(key, $"unknown key: costs.{key} is now costs.{now} (one name per block kind)");
            }
        }

        var kinds = BlockKinds.Overridable.ToArray();
        map.EnsureOnlyKeys(kinds);
        var result = new Dictionary<string, CostOverride>(StringComparer.Ordinal);
        foreach (string kind in kinds)
        {
            if (map.OptionalMap(kind) is { } entry)
            {
                result[kind] = Read(entry, BlockKinds.Of(kind).Overrides);
            }
        }

        map.EnsureNoUnknownKeys();
        return result;
    }

    private static string Allowed(Overrides allowed) =>
        string.Join(", ", new[] { ("energy_j", Overrides.Energy), ("latency_ps", Overrides.Latency), ("area_um2", Overrides.Area) }.Where(f => allowed.HasFlag(f.Item2)).Select(f => f.Item1));

    private static CostOverride Read(ArchMap entry, Overrides allowed)
    {
        foreach (var (key, flag) in new[] { ("energy_j", Overrides.Energy), ("latency_ps", Overrides.Latency), ("area_um2", Overrides.Area) })
        {
            if (entry.Has(key) && !allowed.HasFlag(flag))
            {
                throw entry.ErrorAt(key, $"not a cost figure of this block kind (set elsewhere in the chip, or not modelled); it may set {Allowed(allowed)} (docs/chip-schema.md, block kinds)");
            }
        }

        entry.EnsureOnlyKeys("energy_j", "latency_ps", "area_um2", "source");
        double? energy = entry.Has("energy_j") ? entry.RequireQuantity("energy_j", "J", 0) : null;
        double? latency = entry.Has("latency_ps") ? entry.RequireDouble("latency_ps", 0) : null;
        double? area = entry.Has("area_um2") ? entry.RequireDouble("area_um2", 0) : null;
        string source = entry.RequireString("source");
        entry.EnsureNoUnknownKeys();
        if (string.IsNullOrWhiteSpace(source))
        {
            throw entry.ErrorAt("source", "must say where the figures come from");
        }

        if (energy is null && latency is null && area is null)
        {
            throw entry.Error("an override needs at least one of energy_j, latency_ps, area_um2");
        }

        return new CostOverride(energy, latency, area, source);
    }
}
