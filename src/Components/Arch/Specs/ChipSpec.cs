namespace Engram.Components.Arch;

/// <summary>
/// A chip as the user's YAML describes it, validated: every value in range and consistent, the network fits the
/// arrays. Each section is a record that reads and validates its own YAML map; <see cref="ChipLoader"/> puts
/// them together and checks what spans sections. Built into a running <c>Chip</c> by <c>ChipBuilder</c>.
/// </summary>
public sealed record ChipSpec
{
    public static readonly IReadOnlyList<SchemaKey> TopLevelSchema =
    [
        new("name", "—", "non-empty", "—", "chip name (reports, file names)"),
        new("cost_profile", "—", "`neurosim` \\| `survey` \\| `isaac`", "—", "cost models for every block without an override (docs/cost-models.md)"),
    ];

    /// <summary>Every key of the chip schema, in document order.</summary>
    public static IEnumerable<SchemaKey> Schema =>
        TopLevelSchema.Take(1)
            .Concat(TechnologySpec.Schema).Concat(ClockSpec.Schema).Concat(DeviceSpec.Schema).Concat(TilesSpec.Schema)
            .Concat(PeripherySpec.Schema).Concat(ControllerSpec.Schema).Concat(InterconnectSpec.Schema).Concat(NetworkSpec.Schema).Concat(TrainingSpec.Schema)
            .Concat(TopLevelSchema.Skip(1)).Concat(CostOverride.Schema);

    public required string Name { get; init; }

    /// <summary>The YAML file it was read from (for messages and relative paths).</summary>
    public required string File { get; init; }

    public required TechnologySpec Technology { get; init; }

    public required ClockSpec Clock { get; init; }

    public required DeviceSpec Device { get; init; }

    public required ArraySpec Array { get; init; }

    public required TilesSpec Tiles { get; init; }

    public required PeripherySpec Periphery { get; init; }

    public required ControllerSpec Controller { get; init; }

    public required InterconnectSpec Interconnect { get; init; }

    public required NetworkSpec Network { get; init; }

    /// <summary>The training periphery (<c>training:</c>); null for a chip that only recalls.</summary>
    public TrainingSpec? Training { get; init; }

    /// <summary>Cost profile for every block without an override: neurosim, survey or isaac.</summary>
    public required string CostProfile { get; init; }

    /// <summary>Per-action overrides of the profile's figures, keyed by block kind (see <see cref="CostOverride"/>).</summary>
    public IReadOnlyDictionary<string, CostOverride> CostOverrides { get; init; } = new Dictionary<string, CostOverride>();

    /// <summary>The same chip with its device card's stuck-at rate set to <paramref name="rate"/> (a fault sweep's point).</summary>
    public ChipSpec WithStuckRate(double rate) =>
        this with { Device = Device with { Card = Device.Card with { Faults = Device.Card.Faults with { RateFraction = rate } } } };
}
