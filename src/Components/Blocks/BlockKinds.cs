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

    /// <summary>Every kind, with its actions (ledger action names) and what one action of it is.</summary>
    public static readonly IReadOnlyList<BlockKind> All =
    [
        new(Crossbar, ["read"], "per conducting cell per read"),
        new(RowDriver, ["drive_row"], "per row per read"),
        new(Adc, ["convert"], "per conversion"),
        new(ShiftAdd, ["shift_add"], "per operation"),
        new(AdderTree, ["reduce"], "per reduction"),
        new(Interconnect, ["transfer"], "per bit per hop"),
        new(Neuron, ["activate"], "per activation"),
        new(StateRegister, ["write_bit"], "per bit written"),
        new(Controller, ["issue", "round_trip"], "per issue"),
        new(Programmer, ["program_pulse", "verify_read"], "per pulse or verify read"),
    ];

    /// <summary>Kinds whose figures a <c>costs:</c> entry may replace.</summary>
    public static IEnumerable<string> Overridable => All.Select(k => k.Name).Where(k => k != Programmer);

    /// <summary>Kinds that run on a clock and so may be assigned a clock domain.</summary>
    public static IEnumerable<string> Clocked => All.Select(k => k.Name);

    public static BlockKind Of(string name) => All.First(k => k.Name == name);
}

/// <summary>A kind of block: its name, its actions (the first is the main one) and what one action is.</summary>
public sealed record BlockKind(string Name, IReadOnlyList<string> Actions, string PerAction);
