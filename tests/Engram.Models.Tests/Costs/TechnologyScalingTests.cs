using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

public class TechnologyScalingTests
{
    [Fact]
    public void Published_factors_32_to_22_and_45()
    {
        Within.Relative(0.446, TechnologyScaling.EnergyFactor(32, 22), 0.01, "energy 32->22");
        Within.Relative(0.55, TechnologyScaling.AreaFactor(32, 22), 0.01, "area 32->22");
        Within.Relative(0.687, TechnologyScaling.LatencyFactor(32, 22), 0.01, "latency 32->22");
        Within.Relative(1.52, TechnologyScaling.EnergyFactor(32, 45), 0.01, "energy 32->45");
        Within.Relative(2.2, TechnologyScaling.AreaFactor(32, 45), 0.01, "area 32->45");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(22)]
    [InlineData(65)]
    [InlineData(130)]
    public void Same_node_is_identity(double node)
    {
        Assert.Equal(1, TechnologyScaling.EnergyFactor(node, node), 12);
        Assert.Equal(1, TechnologyScaling.AreaFactor(node, node), 12);
        Assert.Equal(1, TechnologyScaling.LatencyFactor(node, node), 12);
    }

    [Fact]
    public void Smaller_nodes_are_smaller_and_cheaper()
    {
        double[] nodes = [130, 90, 65, 45, 32, 22, 20, 16, 14, 10, 7];
        for (int i = 1; i < nodes.Length; i++)
        {
            Assert.True(TechnologyScaling.AreaFactor(45, nodes[i]) < TechnologyScaling.AreaFactor(45, nodes[i - 1]), $"area at {nodes[i]}");
            Assert.True(TechnologyScaling.EnergyFactor(45, nodes[i]) < TechnologyScaling.EnergyFactor(45, nodes[i - 1]), $"energy at {nodes[i]}");
        }
    }

    [Fact]
    public void Energy_round_trip_is_exact_and_area_within_table_rounding()
    {
        Assert.Equal(1, TechnologyScaling.EnergyFactor(32, 14) * TechnologyScaling.EnergyFactor(14, 32), 12);
        Within.Relative(1, TechnologyScaling.AreaFactor(32, 14) * TechnologyScaling.AreaFactor(14, 32), 0.05, "area round trip");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(180)]
    [InlineData(double.NaN)]
    public void Nodes_outside_the_table_are_rejected(double node) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TechnologyScaling.EnergyFactor(22, node));
}
