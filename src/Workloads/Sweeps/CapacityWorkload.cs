using System.Globalization;
using Engram.Components.Arch;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// The <c>capacity</c> workload: the capacity protocol (as <c>engram capacity</c>) at the point chip's N. It is a
/// protocol on the learner, so of the chip only <c>network.neurons</c> (and <c>network.hidden</c>) changes it;
/// <c>area_um2</c> is the chip's.
/// </summary>
public sealed class CapacityWorkload : SweepWorkload
{
    public static readonly IReadOnlyDictionary<string, string> AllMetrics = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["capacity_099"] = "patterns",
        ["capacity_095"] = "patterns",
        ["area_um2"] = "um2",
    };

    public required string Rule { get; init; }

    public int? Hidden { get; init; }

    /// <summary>Pattern counts P; null means the default grid of the point's N.</summary>
    public IReadOnlyList<int>? Grid { get; init; }

    public double FaultRate { get; init; }

    public int Trials { get; init; } = 20;

    public double CueFlip { get; init; } = 0.05;

    public double Variation { get; init; }

    public int? Iterations { get; init; }

    public ulong Seed { get; init; } = 1;

    public override string Kind => "capacity";

    public override IReadOnlyDictionary<string, string> Metrics => AllMetrics;

    public override string Canonical => string.Create(CultureInfo.InvariantCulture,
        $"capacity rule={Rule} hidden={Hidden?.ToString(CultureInfo.InvariantCulture) ?? "-"} grid={(Grid is null ? "default" : string.Join(',', Grid))} " +
        $"fault_rate={FaultRate:R} trials={Trials} cue_flip={CueFlip:R} variation={Variation:R} iterations={Iterations?.ToString(CultureInfo.InvariantCulture) ?? "default"} seed={Seed}");

    public override void Check(ChipSpec chip)
    {
        Settings(chip, 1).Validate();
        LearnerCatalog.Create(Rule, HiddenFor(chip));
    }

    public override IReadOnlyDictionary<string, double> Run(ChipSpec chip, int threads)
    {
        var report = CapacityExperiment.Run(LearnerCatalog.Create(Rule, HiddenFor(chip)), Settings(chip, threads));
        var run = report.Runs[0];
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["capacity_099"] = run.Capacity099,
            ["capacity_095"] = run.Capacity095,
            ["area_um2"] = AreaUm2(chip),
        };
    }

    // A multilayer chip's hidden layer is the default H of the multilayer learner unless the options say otherwise.
    private int? HiddenFor(ChipSpec chip) => Hidden ?? (chip.Network.Kind == NetworkKind.Multilayer ? chip.Network.Hidden : null);

    private CapacitySettings Settings(ChipSpec chip, int threads) => new()
    {
        Neurons = chip.Network.Neurons,
        Grid = Grid ?? CapacitySettings.DefaultGrid(chip.Network.Neurons),
        FaultRates = [FaultRate],
        Trials = Trials,
        CueFlip = CueFlip,
        Variation = Variation,
        MaxIterations = Iterations ?? LearnerCatalog.DefaultIterations(Rule),
        Seed = Seed,
        Threads = threads,
    };
}
