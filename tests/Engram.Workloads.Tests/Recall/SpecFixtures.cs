using Engram.Components.Blocks.Adc;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Blocks.Neurons;
using Engram.Components.Arch;
using Engram.Workloads.Tests.Traces;

namespace Engram.Workloads.Tests.Recall;

internal static class SpecFixtures
{
    /// <summary>An hnn64-like chip in code (the shipped YAML has its own tests): RRAM card, NeuroSim costs at 22 nm.</summary>
    public static ChipSpec Chip(int neurons, int array, NetworkKind kind = NetworkKind.SingleLayer, int hidden = 0, int dacBits = 1, INeuron? neuron = null) => new()
    {
        Name = $"test{neurons}",
        File = "test.yaml",
        Technology = new TechnologySpec(22, 0.85),
        Clock = new ClockSpec(1_000),
        Device = new DeviceSpec("hnn64-rram.yaml", DeviceCardLoader.Load(Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml")), WeightMappings.Differential),
        Array = new ArraySpec(array, array),
        Tiles = new TilesSpec(1024, 8),
        Periphery = new PeripherySpec(dacBits, new AdcSpec(new SarAdcType(), 5, 8), 1_000, neuron ?? Neurons.Sign, 1, true),
        Controller = new ControllerSpec(Schedule.Sync, UpdateOrder.Random, 30, ControllerPlacement.OnChip, 1, 1e-13, 0, 0, 1_000),
        Interconnect = new InterconnectSpec(100, 16, 1),
        Network = new NetworkSpec(kind, neurons, hidden),
        CostProfile = "neurosim",
    };
}
