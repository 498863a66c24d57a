using Engram.Components.Blocks.Adc;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Neurons;
using Engram.Components.Arch;

namespace Engram.Components.Tests.Chips;

/// <summary>Chips built in code (the YAML loader has its own tests): an ideal device and every cost fixed by hand.</summary>
internal static class TestChips
{
    public const double IssueJ = 100e-15, RowJ = 2e-15, CellJ = 0.1e-15, AdcJ = 50e-15, NeuronJ = 1e-15, RegisterJ = 3e-15, WireJ = 0.01e-15, TreeJ = 10e-15;

    public static ChipSpec Ideal(int neurons, int rows, int cols, int columnsPerAdc = 2, bool conduct = true, string card = "ideal.yaml", NetworkKind kind = NetworkKind.SingleLayer, int hidden = 0, int dacBits = 1, INeuron? neuron = null, Dictionary<string, CostOverride>? costs = null, ClockSpec? clock = null, string adc = "sar", int adcBits = 5, IWeightMapping? mapping = null) => new()
    {
        Name = "test",
        File = "test.yaml",
        Technology = new TechnologySpec(22, 0.85),
        Clock = clock ?? new ClockSpec(1_000),
        Device = new DeviceSpec(Path.Combine(RepoPaths.DeviceCards, card), DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, card)), mapping ?? WeightMappings.Differential),
        Array = new ArraySpec(rows, cols),
        Tiles = new TilesSpec(64, 8),
        Periphery = new PeripherySpec(dacBits, Adc(adc, adcBits, columnsPerAdc), 1_000, neuron ?? Neurons.Sign, 1, conduct),
        Controller = new ControllerSpec(Schedule.Sync, UpdateOrder.Random, 50, ControllerPlacement.OnChip, 2, IssueJ, 0, 0, 1_000),
        Interconnect = new InterconnectSpec(100, 16, 1),
        Network = new NetworkSpec(kind, neurons, hidden),
        CostProfile = "neurosim",
        CostOverrides = costs ?? HandCosts(),
    };

    public static AdcSpec Adc(string type, int bits, int columnsPerAdc) =>
        AdcTypes.TryGet(type, out var t) ? new AdcSpec(t, bits, columnsPerAdc) : throw new ArgumentException($"no ADC type {type}");

    public static Dictionary<string, CostOverride> HandCosts() => new()
    {
        ["crossbar"] = new(CellJ, null, null, "test"),
        ["row_driver"] = new(RowJ, null, null, "test"),
        ["adc"] = new(AdcJ, 3_000, null, "test"),
        ["neuron"] = new(NeuronJ, 1_000, null, "test"),
        ["state_register"] = new(RegisterJ, null, null, "test"),
        ["interconnect"] = new(WireJ, null, null, "test"),
        ["adder_tree"] = new(TreeJ, 2_000, null, "test"),
    };
}
