using Engram.Sim.Clocking;
using Engram.Sim.Core;
using Engram.Sim.Resources;
using Engram.Sim.Tracing;

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

    [Fact]
    public void A_waiter_interrupted_after_the_fire_wakes_once_even_when_it_waits_again()
    {
        // The fire puts a, b and c on the run queue; a interrupts b before b's turn. b resumes from the
        // interrupt (urgent, ahead of c) and waits on the edge again: the entry the fire gave it is stale.
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var log = new List<string>();
        Process? b = null;
        IEnumerable<Wait> A()
        {
            yield return edge;
            log.Add($"a@{sim.Now}");
            b!.Interrupt("poke");
        }

        IEnumerable<Wait> B()
        {
            for (int i = 0; i < 2; i++)
            {
                yield return edge;
                log.Add($"b@{sim.Now}:{sim.ActiveProcess!.InterruptCause ?? "edge"}");
            }
        }

        IEnumerable<Wait> C()
        {
            yield return edge;
            log.Add($"c@{sim.Now}");
        }

        sim.Process(A(), "a");
        b = sim.Process(B(), "b");
        sim.Process(C(), "c");
        sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
        sim.TimeoutEvent(7).AddCallback(_ => edge.Fire());
        sim.Run();
        Assert.Equal(["a@5", "b@5:poke", "c@5", "b@7:edge"], log);
        Assert.Equal(0, edge.WaiterCount);
    }

    [Fact]
    public void Processes_and_clocked_blocks_on_one_signal_dispatch_as_if_each_were_scheduled_in_turn()
    {
        // Mixed waiters split a fire into runs; the trace path schedules every waiter one by one. Both
        // must dispatch the same sequence, and the same order as the waiters' wait order.
        static (ulong Hash, string Log, int HighWater) Run(bool traced)
        {
            var sim = new Simulation(new SimulationOptions { ExpectedPending = 4 });
            if (traced)
            {
                sim.TraceSink = new NullSink();
            }

            var edge = new Signal(sim, "edge");
            var domain = new ClockDomain(sim, 10, 0, "clk");
            var log = new List<string>();
            IEnumerable<Wait> Listener(int id)
            {
                for (int i = 0; i < 4; i++)
                {
                    yield return edge;
                    log.Add($"p{id}@{sim.Now}");
                    if (id % 3 == 0)
                    {
                        yield return sim.Timeout(1 + id % 2);
                    }
                }
            }

            var blocks = new List<ClockedHandle>();
            for (int k = 0; k < 12; k++)
            {
                sim.Process(Listener(k), $"p{k}");
                if (k % 4 == 1)
                {
                    var block = new Sleeper(log, $"blk{k}", edge);
                    var handle = domain.Register(block, awake: false);
                    block.Handle = handle;
                    blocks.Add(handle);
                }
            }

            IEnumerable<Wait> Clock()
            {
                yield return sim.Timeout(1);
                foreach (var h in blocks)
                {
                    h.WakeOn(edge);
                }

                for (int c = 0; c < 6; c++)
                {
                    yield return sim.Timeout(7);
                    edge.Fire();
                }
            }

            sim.Process(Clock(), "clock");
            sim.Run();
            return (sim.DispatchHash, string.Join(",", log), sim.QueueHighWater);
        }

        var plain = Run(traced: false);
        var traced = Run(traced: true);
        Assert.Equal(traced, plain);
        Assert.Contains("blk1", plain.Log, StringComparison.Ordinal);
    }

    /// <summary>Ticks once per wake, then sleeps until the edge fires again.</summary>
    private sealed class Sleeper(List<string> log, string name, Signal edge) : IClocked
    {
        public ClockedHandle? Handle { get; set; }

        public bool Tick(long cycle)
        {
            log.Add($"{name}#{cycle}");
            Handle!.WakeOn(edge);
            return false;
        }
    }

    private sealed class NullSink : ISimTraceSink
    {
        public void OnSchedule(long tick, long sequence, SimTraceKind kind, long id)
        {
        }

        public void OnDispatch(long tick, long sequence, SimTraceKind kind, long id)
        {
        }

        public void OnResume(long tick, long processId)
        {
        }
    }
}
