using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class ProcessBodyTests
{
    [Fact]
    public void A_body_that_is_not_an_iterator_method_runs_too()
    {
        // List<T>'s enumerator is a struct, boxed behind IEnumerator<Wait>: the process binds its
        // MoveNext and Current once, and that must work for any enumerator, not only iterator classes.
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var waits = new List<Wait> { sim.Timeout(3), sim.Timeout(4), edge };
        var p = sim.Process(waits, "list");
        sim.TimeoutEvent(10).AddCallback(_ => edge.Fire());
        sim.Run();
        Assert.False(p.IsAlive);
        Assert.Equal(10, sim.Now);
    }

    [Fact]
    public void Signal_waiters_of_both_kinds_wake_in_wait_order_with_or_without_a_trace()
    {
        foreach (bool traced in new[] { false, true })
        {
            var sim = new Simulation();
            if (traced)
            {
                sim.TraceSink = new NullSink();
            }

            var edge = new Signal(sim, "edge");
            var log = new List<string>();
            IEnumerable<Wait> Listener(string name)
            {
                while (true)
                {
                    yield return edge;
                    log.Add($"{name}@{sim.Now}");
                }
            }

            sim.Process(Listener("a"));
            sim.Process(Listener("b"));
            var domain = new Engram.Sim.Clocking.ClockDomain(sim, 1, 0, "clk");
            var block = new Block(log, () => sim.Now);
            var handle = domain.Register(block, awake: false);
            sim.Process(Listener("c"));
            sim.TimeoutEvent(5).AddCallback(_ =>
            {
                handle.WakeOn(edge);
                edge.Fire();
            });
            sim.Run(7);
            Assert.Equal(["a@5", "b@5", "c@5"], log.Take(3));
            Assert.Single(log, s => s.StartsWith("block@", StringComparison.Ordinal));
            Assert.Equal(4, log.Count);
        }
    }

    private sealed class Block(List<string> log, Func<long> now) : Engram.Sim.Clocking.IClocked
    {
        public bool Tick(long cycle)
        {
            log.Add($"block@{now()}");
            return false;
        }
    }

    private sealed class NullSink : Engram.Sim.Tracing.ISimTraceSink
    {
        public void OnSchedule(long tick, long sequence, Engram.Sim.Tracing.SimTraceKind kind, long id) { }

        public void OnDispatch(long tick, long sequence, Engram.Sim.Tracing.SimTraceKind kind, long id) { }

        public void OnResume(long tick, long processId) { }
    }
}
