using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

public class ParetoFrontTests
{
    private static Design D(int i, double e, double t, double area = double.NaN, string group = "") => new(i, $"id{i}", "sync", e, t, area, group);

    [Fact]
    public void Without_area_only_energy_and_latency_trade()
    {
        var front = ParetoFront.Of([D(0, 5, 1), D(1, 4, 2), D(2, 6, 3), D(3, 1, 10), D(4, 4, 5), D(5, double.NaN, 0)]);
        Assert.Equal([0, 1, 3], front.Select(d => d.Point));
    }

    [Fact]
    public void Area_keeps_slower_smaller_designs_and_groups_are_compared_apart()
    {
        // Same energy: 1 is slower but smaller than 0, so both stay; 2 is worse than 1 in everything.
        var front = ParetoFront.Of([D(0, 1, 1, 10, "N=64"), D(1, 1, 2, 5, "N=64"), D(2, 2, 3, 6, "N=64"), D(3, 100, 100, 100, "N=256")]);
        Assert.Equal([0, 1, 3], front.Select(d => d.Point));
    }
}
