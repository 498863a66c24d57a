using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

public class ParetoFrontTests
{
    [Fact]
    public void Only_non_dominated_designs_remain_by_ascending_latency()
    {
        Design D(int i, double e, double t) => new(i, $"id{i}", "sync", e, t, 1);
        var front = ParetoFront.Of([D(0, 5, 1), D(1, 4, 2), D(2, 6, 3), D(3, 1, 10), D(4, 4, 5), D(5, double.NaN, 0)]);
        Assert.Equal([0, 1, 3], front.Select(d => d.Point));
    }
}
