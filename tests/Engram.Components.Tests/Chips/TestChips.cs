using Engram.Components.Arch;

namespace Engram.Components.Tests.Chips;

/// <summary>Chips built in code (the YAML loader has its own tests): an ideal device and every cost fixed by hand.</summary>
internal static class TestChips
{
    public const double IssueJ = 100e-15, RowJ = 2e-15, CellJ = 0.1e-15, AdcJ = 50e-15, NeuronJ = 1e-15, RegisterJ = 3e-15, WireJ = 0.01e-15, TreeJ = 10e-15;

    public static ChipSpec Ideal(int neurons, int rows, int cols, int columnsPerAdc = 2, bool conduct = true, string card = "ideal.yaml", NetworkKind kind = NetworkKind.SingleLayer, int hidden = 0, int dacBits = 1, NeuronFunction neuron = NeuronFunction.Sign, Dictionary<string, CostOverride>? costs = null) => new()
    {
        Name = "test",
        File = "test.yaml",
        Technology = new TechnologySpec(22, 0.85),
        Clock = new ClockSpec(1_000),
        Device = new DeviceSpec(Path.Combine(RepoPaths.DeviceCards, card), DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, card)), WeightMapping.Differential),
        Array = new ArraySpec(rows, cols),
        Tiles = new TilesSpec(64, 8),
        Periphery = new PeripherySpec(dacBits, AdcType.Sar, 5, columnsPerAdc, 1_000, neuron, 1, conduct),
        Controller = new ControllerSpec(Schedule.Sync, UpdateOrder.Random, 50, ControllerPlacement.OnChip, 2, IssueJ, 0, 0, 1_000),
        Interconnect = new InterconnectSpec(100, 16, 1),
        Network = new NetworkSpec(kind, neurons, hidden),
        CostProfile = "neurosim",
        CostOverrides = costs ?? HandCosts(),
    };

    public static Dictionary<string, CostOverride> HandCosts() => new()
    {
        ["cell_read"] = new(CellJ, null, null, "test"),
        ["row_driver"] = new(RowJ, null, null, "test"),
        ["adc"] = new(AdcJ, 3_000, null, "test"),
        ["neuron"] = new(NeuronJ, 1_000, null, "test"),
        ["register"] = new(RegisterJ, null, null, "test"),
        ["wire"] = new(WireJ, null, null, "test"),
        ["adder_tree"] = new(TreeJ, 2_000, null, "test"),
    };
}
