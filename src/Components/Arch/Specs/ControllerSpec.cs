using Engram.Components.Scheduling;

namespace Engram.Components.Arch;

public enum UpdateOrder
{
    Random,
    Sequential,
}

public enum ControllerPlacement
{
    OnChip,
    OffChip,
}

/// <summary>
/// <c>controller</c>: the recall schedule (a registered scheduler), update order, iteration limit, and its own
/// per-step overhead: issuing a step costs <see cref="IssueCycles"/> and <see cref="IssueEnergyJ"/>; off chip,
/// every step also pays a host round trip.
/// </summary>
/// <param name="Schedule">A scheduler as <see cref="RecallSchedulers"/> parses it: <c>sync</c>, <c>async</c>, <c>grouped:8</c>, ...</param>
public sealed record ControllerSpec(
    string Schedule,
    UpdateOrder Order,
    int MaxIterations,
    ControllerPlacement Placement,
    int IssueCycles,
    double IssueEnergyJ,
    long HostRoundTripPs,
    double HostRoundTripEnergyJ,
    double AreaUm2)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("controller.schedule", "—", "a registered scheduler: `sync` \\| `async` \\| `grouped`", "—", "default schedule for `run`"),
        new("controller.group_size", "neurons", "≥ 1", "—", "G, neurons updated per step of `grouped` (required for it, forbidden otherwise); `grouped:G` on the command line"),
        new("controller.order", "—", "`random` \\| `sequential`", "—", "update order of schedules that update a few neurons per step"),
        new("controller.max_iterations", "—", "[1, 1000000]", "—", "iterations (sweeps) before giving up"),
        new("controller.placement", "—", "`on_chip` \\| `off_chip`", "—", "off chip, every step pays a host round trip"),
        new("controller.issue_cycles", "cycles", "≥ 0", "—", "cycles to issue one step"),
        new("controller.issue_energy_j", "J", "≥ 0", "—", "energy per issued step"),
        new("controller.host_round_trip_ps", "ps", "≥ 0; > 0 when `off_chip`", "`0`", "host round trip per step"),
        new("controller.host_round_trip_energy_j", "J", "≥ 0", "`0`", "energy per host round trip"),
        new("controller.area_um2", "µm²", "≥ 0", "—", "controller area"),
    ];

    public static ControllerSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("schedule", "group_size", "order", "max_iterations", "placement", "issue_cycles", "issue_energy_j",
            "host_round_trip_ps", "host_round_trip_energy_j", "area_um2");
        string schedule = map.RequireString("schedule");
        int? groupSize = map.Has("group_size") ? map.RequireInt("group_size", 1) : null;
        string? problem = RecallSchedulers.Check(schedule, groupSize);
        if (problem is not null)
        {
            throw map.ErrorAt(problem.StartsWith("group_size", StringComparison.Ordinal) ? "group_size" : "schedule", problem);
        }

        var order = map.RequireEnum<UpdateOrder>("order");
        int maxIterations = map.RequireInt("max_iterations", 1, 1_000_000);
        var placement = map.RequireEnum<ControllerPlacement>("placement");
        int issueCycles = map.RequireInt("issue_cycles", 0);
        double issueEnergy = map.RequireQuantity("issue_energy_j", "J", 0);
        long roundTrip = map.OptionalLong("host_round_trip_ps", 0, 0);
        double roundTripEnergy = map.OptionalQuantity("host_round_trip_energy_j", "J", 0, 0);
        double area = map.RequireDouble("area_um2", 0);
        map.EnsureNoUnknownKeys();
        if (placement == ControllerPlacement.OffChip && roundTrip <= 0)
        {
            throw map.ErrorAt("host_round_trip_ps", "must be > 0 when placement is off_chip (every step pays a host round trip)");
        }

        string name = groupSize is int g ? $"{schedule}:{g}" : schedule;
        return new ControllerSpec(name, order, maxIterations, placement, issueCycles, issueEnergy, roundTrip, roundTripEnergy, area);
    }
}
