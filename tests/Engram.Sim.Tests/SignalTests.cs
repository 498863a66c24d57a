using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class SignalTests
{
    [Fact]
    public void Fire_wakes_current_waiters_in_wait_order_and_each_fire_needs_a_new_wait()
    {
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var log = new List<string>();
        IEnumerable<Wait> Listener(string name, int times)
        {
            for (int i = 0; i < times; i++)
            {
                yield return edge;
                log.Add($"{name}@{sim.Now}");
            }
        }

        sim.Process(Listener("a", 2));
        sim.Process(Listener("b", 1));
        sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
        sim.TimeoutEvent(8).AddCallback(_ => edge.Fire());
        sim.TimeoutEvent(9).AddCallback(_ => edge.Fire());
        sim.Run();
        Assert.Equal(["a@5", "b@5", "a@8"], log);
        Assert.Equal(3, edge.FireCount);
        Assert.Equal(0, edge.WaiterCount);
    }
}
