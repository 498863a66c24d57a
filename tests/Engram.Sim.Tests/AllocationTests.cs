using Engram.Sim.Clocking;
using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class AllocationTests
{
    private static long AllocatedDuring(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // The fewest bytes any of three consecutive runs of `ticks` allocates, from the current tick on. An allocation per
    // event shows in every run; a one-off one (the JIT promoting a method of the run loop while it is measured, which a
    // loaded machine delays into the window: seen when the whole suite runs in parallel) shows in one at most.
    private static long SteadyStateBytes(Simulation sim, long ticks)
    {
        long fewest = long.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long end = sim.Now + ticks;
            fewest = Math.Min(fewest, AllocatedDuring(() => sim.Run(end)));
        }

        return fewest;
    }

    [Theory]
    [InlineData(EventQueueKind.Wheel)]
    [InlineData(EventQueueKind.Heap)]
    public void A_timeout_wait_allocates_nothing_in_steady_state(EventQueueKind queue)
    {
        long wakeups = 0;
        var sim = new Simulation(new SimulationOptions { Queue = queue });
        IEnumerable<Wait> Body(int seed)
        {
            uint x = (uint)seed * 2654435761u | 1;
            while (true)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                yield return sim.Timeout(1 + (x % 50));
                wakeups++;
            }
        }

        for (int i = 0; i < 200; i++)
        {
            sim.Process(Body(i));
        }

        // Warm up: the wheel's pooled bucket arrays each grow once to the largest bucket they meet
        // (a Poisson tail with 200 processes over 50 ticks), then nothing grows any more.
        sim.Run(200_000);
        long before = wakeups;
        long bytes = SteadyStateBytes(sim, 100_000);
        long waits = wakeups - before;
        Assert.True(waits > 3 * 100_000, $"only {waits} waits");
        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Signal_waits_resource_requests_and_clock_ticks_allocate_nothing_in_steady_state()
    {
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var adcs = new Resource(sim, 2, "adcs");
        var clk = new ClockDomain(sim, 10);
        clk.Register(new Busy());
        IEnumerable<Wait> Clock()
        {
            while (true)
            {
                yield return sim.Timeout(10);
                edge.Fire();
            }
        }

        IEnumerable<Wait> Column()
        {
            while (true)
            {
                yield return edge;
                using var adc = adcs.Request();
                yield return adc;
                yield return sim.Timeout(3);
            }
        }

        sim.Process(Clock());
        for (int i = 0; i < 16; i++)
        {
            sim.Process(Column());
        }

        sim.Run(50_000);
        long dispatches = sim.ProcessedEvents;
        long bytes = SteadyStateBytes(sim, 200_000);
        Assert.True(sim.ProcessedEvents - dispatches > 3 * 100_000);
        Assert.Equal(0, bytes);
    }

    private sealed class Busy : IClocked
    {
        public bool Tick(long cycle) => true;
    }
}
