using Engram.Models.Devices;

namespace Engram.Components.Arch;

/// <summary>
/// A chip as the user's YAML describes it (architecture.md "Inputs"), validated: every value in range and
/// consistent, the network fits the arrays. Built into a running <c>Chip</c> by the chip builder.
/// </summary>
public sealed record ChipSpec
{
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

    /// <summary>Cost profile for every component without an override: neurosim, survey or isaac.</summary>
    public required string CostProfile { get; init; }

    /// <summary>Per-action overrides of the profile's figures, keyed by component kind (see <see cref="CostOverride"/>).</summary>
    public IReadOnlyDictionary<string, CostOverride> CostOverrides { get; init; } = new Dictionary<string, CostOverride>();
}

/// <summary><c>technology</c>: the CMOS node of the periphery and its supply.</summary>
public sealed record TechnologySpec(double NodeNm, double VddV);

/// <summary><c>clocks</c>: one clock domain for the chip; every action takes a whole number of its cycles.</summary>
public sealed record ClockSpec(long PeriodPs);

public enum WeightMapping
{
    /// <summary>Each weight on a pair of devices in twin arrays: W ∝ G⁺ − G⁻.</summary>
    Differential,

    /// <summary>Each weight on one device, read against a reference column at mid-range.</summary>
    ReferenceColumn,
}

/// <summary><c>devices</c>: the device card and how signed weights sit on it.</summary>
public sealed record DeviceSpec(string CardPath, DeviceCard Card, WeightMapping Mapping);

/// <summary><c>tiles.array</c>: one crossbar's size (weights per array; a differential pair uses twin arrays).</summary>
public sealed record ArraySpec(int Rows, int Cols)
{
    public long Cells => (long)Rows * Cols;
}

/// <summary><c>tiles</c>: how many tiles and physical arrays per tile the chip has.</summary>
public sealed record TilesSpec(int Count, int ArraysPerTile)
{
    public long PhysicalArrays => (long)Count * ArraysPerTile;
}

public enum AdcType
{
    Sar,
    Flash,
}

public enum NeuronFunction
{
    /// <summary>Binary neurons: s ← sign(u).</summary>
    Sign,

    /// <summary>Continuous neurons: s ← tanh(u), by a digital function unit after the ADC.</summary>
    Tanh,
}

/// <summary>
/// <c>periphery</c>: DAC bits (1 = bipolar ±V_read drive of binary states; more = bit-serial magnitude planes with
/// the sign as polarity), the ADCs, neurons and state register.
/// </summary>
public sealed record PeripherySpec(
    int DacBits,
    AdcType AdcType,
    int AdcBits,
    int ColumnsPerAdc,
    long ReadPulsePs,
    NeuronFunction Neuron,
    int StateRegisterBits,
    bool UnselectedColumnsConduct)
{
    /// <summary>
    /// ADC full scale as a fraction of the largest current a column can carry (every row at the extreme
    /// weight). 1 never clips but spends codes on sums that never occur; smaller values clip large sums.
    /// </summary>
    public double AdcFullScaleFraction { get; init; } = 1;

    /// <summary>Per-layer full-scale fractions (a multilayer net's layers see very different sums); overrides <see cref="AdcFullScaleFraction"/>.</summary>
    public IReadOnlyList<double>? AdcFullScaleFractionByLayer { get; init; }

    public double FullScaleFractionOf(int layer) =>
        AdcFullScaleFractionByLayer is { } list && layer < list.Count ? list[layer] : AdcFullScaleFraction;
}

public enum Schedule
{
    Sync,
    Async,
}

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
/// <c>controller</c>: schedule, order, iteration limit, and its own per-step overhead: issuing a step costs
/// <see cref="IssueCycles"/> and <see cref="IssueEnergyJ"/>; off chip, every step also pays a host round trip.
/// </summary>
public sealed record ControllerSpec(
    Schedule Schedule,
    UpdateOrder Order,
    int MaxIterations,
    ControllerPlacement Placement,
    int IssueCycles,
    double IssueEnergyJ,
    long HostRoundTripPs,
    double HostRoundTripEnergyJ,
    double AreaUm2);

/// <summary><c>interconnect</c>: how partial sums travel from arrays to the accumulators (wire length per hop, bits per value).</summary>
public sealed record InterconnectSpec(double HopLengthUm, int PartialSumBits, int HopCycles);

public enum NetworkKind
{
    SingleLayer,
    Multilayer,
}

/// <summary><c>network</c>: N visible neurons, and H hidden ones for the N→H→N multilayer memory.</summary>
public sealed record NetworkSpec(NetworkKind Kind, int Neurons, int Hidden);

/// <summary>A user-supplied figure replacing the profile's for one component kind (YAML <c>costs:</c>); null keeps the profile's.</summary>
public sealed record CostOverride(double? EnergyJ, double? LatencyPs, double? AreaUm2, string Source);
