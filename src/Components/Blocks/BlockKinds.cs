namespace Engram.Components.Blocks;

/// <summary>
/// The one name of each kind of hardware block. It is the key of <c>costs.&lt;kind&gt;</c> and
/// <c>clocks.blocks.&lt;kind&gt;</c> in the YAML, the last segment of the block's ledger component path, the
/// component column of <c>engram cost CHIP</c> and a component of <c>engram cost query</c>.
/// </summary>
public static class BlockKinds
{
    public const string Crossbar = "crossbar";
    public const string RowDriver = "row_driver";
    public const string Adc = "adc";
    public const string ShiftAdd = "shift_add";
    public const string AdderTree = "adder_tree";
    public const string Interconnect = "interconnect";
    public const string Neuron = "neuron";
    public const string StateRegister = "state_register";
    public const string Controller = "controller";
    public const string Programmer = "programmer";
    public const string ColumnDriver = "column_driver";
    public const string PulseGenerator = "pulse_generator";
    public const string DigitalUnit = "digital_unit";

    /// <summary>
    /// Every kind, with its actions (ledger action names), what one action of it is, which figures a
    /// <c>costs.&lt;kind&gt;</c> entry may replace (a latency set elsewhere in the YAML, e.g. the read pulse or
    /// <c>hop_cycles</c>, is not a cost figure), and whether it has a clock of its own.
    /// </summary>
    public static readonly IReadOnlyList<BlockKind> All =
    [
        new(Crossbar, ["read", "wire_loss", "pulse"], "per conducting cell per read", Overrides.Energy | Overrides.Area, Clocked: true),
        new(RowDriver, ["drive_row"], "per row per read", Overrides.Energy | Overrides.Area, Clocked: false),
        new(Adc, ["convert"], "per conversion", Overrides.All, Clocked: true),
        new(ShiftAdd, ["shift_add"], "per operation", Overrides.All, Clocked: true),
        new(AdderTree, ["reduce"], "per reduction", Overrides.All, Clocked: true),
        new(Interconnect, ["transfer"], "per bit per hop", Overrides.Energy, Clocked: true),
        new(Neuron, ["activate", "bias_add"], "per activation", Overrides.All, Clocked: true),
        new(StateRegister, ["write_bit"], "per bit written", Overrides.Energy | Overrides.Area, Clocked: true),
        new(Controller, ["issue", "round_trip"], "per issue", Overrides.Energy | Overrides.Area, Clocked: true),
        new(Programmer, ["program_pulse", "verify_read"], "per pulse or verify read", Overrides.None, Clocked: false),
        new(ColumnDriver, ["drive_column"], "per column per read or pulse slot", Overrides.Energy | Overrides.Area, Clocked: false) { TrainingOnly = true },
        new(PulseGenerator, ["generate"], "per line per pulse slot", Overrides.Energy | Overrides.Area, Clocked: false) { TrainingOnly = true },
        new(DigitalUnit, ["op", "buffer_access"], "per 16-bit operation or buffer word", Overrides.Energy | Overrides.Area, Clocked: true) { TrainingOnly = true },
    ];

    /// <summary>Kinds whose figures a <c>costs:</c> entry may replace.</summary>
    public static IEnumerable<string> Overridable => All.Where(k => k.Overrides != Overrides.None).Select(k => k.Name);

    /// <summary>
    /// Kinds with a clock of their own, which <c>clocks.blocks</c> may assign to a domain: the row drivers settle
    /// within the crossbar's read pulse, and the programmer's pulses last the device card's pulse widths.
    /// </summary>
    public static IEnumerable<string> Clocked => All.Where(k => k.Clocked).Select(k => k.Name);

    public static BlockKind Of(string name) => All.First(k => k.Name == name);
}

/// <summary>A kind of block: its name, its actions (the first is the main one), what one action is, what may be overridden.</summary>
public sealed record BlockKind(string Name, IReadOnlyList<string> Actions, string PerAction, Overrides Overrides, bool Clocked)
{
    /// <summary>Only a chip with a <c>training:</c> section has blocks of this kind (the recall path never charges it).</summary>
    public bool TrainingOnly { get; init; }
}

/// <summary>The figures of a block kind a <c>costs.&lt;kind&gt;</c> entry may replace.</summary>
[Flags]
public enum Overrides
{
    None = 0,
    Energy = 1,
    Latency = 2,
    Area = 4,
    All = Energy | Latency | Area,
}
