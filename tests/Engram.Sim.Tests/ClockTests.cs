using Engram.Sim.Clocking;
using Engram.Sim.Core;

namespace Engram.Sim.Tests;

public class ClockTests
{
    private sealed class Recorder(Simulation sim, string name, List<string> log, long lastCycle = long.MaxValue) : IClocked
    {
        public bool Tick(long cycle)
        {
            log.Add($"{name}:c{cycle}@{sim.Now}");
            return cycle < lastCycle;
        }
    }

    [Fact]
    public void Edge_and_cycle_arithmetic()
    {
        var sim = new Simulation();
        var clk = new ClockDomain(sim, periodPs: 1_000, phasePs: 250, name: "core");
        Assert.Equal(250, clk.NextEdge(0));
        Assert.Equal(250, clk.NextEdge(250));
        Assert.Equal(1_250, clk.NextEdge(251));
        Assert.Equal(-1, clk.CycleAt(100));
        Assert.Equal(0, clk.CycleAt(1_249));
        Assert.Equal(1, clk.CycleAt(1_250));
        Assert.Equal(3_000, clk.CyclesToTicks(3));
        Assert.Equal(2, clk.TicksToCycles(1_001));
        Assert.Equal(1, clk.TicksToCycles(1_000));
        Assert.Equal(0, clk.TicksToCycles(0));
        Assert.Equal(1e9, clk.FrequencyHz);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockDomain(sim, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClockDomain(sim, 10, 10));
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Domains_with_different_periods_tick_at_their_own_edges_in_time_order(string queue)
    {
        var sim = Queues.Create(queue);
        var log = new List<string>();
        var fast = new ClockDomain(sim, 2, name: "fast");
        var slow = new ClockDomain(sim, 3, name: "slow");
        fast.Register(new Recorder(sim, "f", log, lastCycle: 3));
        slow.Register(new Recorder(sim, "s", log, lastCycle: 2));
        sim.Run();
        // At 6 ps both tick: slow scheduled its edge at 3 ps, before fast did at 4 ps, so it goes first.
        Assert.Equal(["f:c0@0", "s:c0@0", "f:c1@2", "s:c1@3", "f:c2@4", "s:c2@6", "f:c3@6"], log);
    }

    [Fact]
    public void Blocks_tick_in_registration_order_whatever_the_wake_order()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var clk = new ClockDomain(sim, 10);
        var a = clk.Register(new Recorder(sim, "a", log, 0), awake: false);
        var b = clk.Register(new Recorder(sim, "b", log, 0), awake: false);
        var c = clk.Register(new Recorder(sim, "c", log, 0), awake: false);
        c.Wake();
        a.Wake();
        b.Wake();
        sim.Run();
        Assert.Equal(["a:c0@0", "b:c0@0", "c:c0@0"], log);
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void A_sleeping_block_costs_nothing_and_wakes_on_an_event_with_its_cycle_caught_up(string queue)
    {
        var sim = Queues.Create(queue);
        var log = new List<string>();
        var clk = new ClockDomain(sim, 100, name: "clk");
        var block = new Recorder(sim, "adc", log, lastCycle: 0);
        var handle = clk.Register(block);
        var request = sim.TimeoutEvent(1_234);
        handle.WakeOn(request);
        sim.Run();

        // Ticked at cycle 0, slept, then woken at 1,234 ps: next edge 1,300 ps is cycle 13.
        Assert.Equal(["adc:c0@0", "adc:c13@1300"], log);
        Assert.Equal(2, handle.TickedCycles);
        Assert.Equal(13, handle.LastTickedCycle);
        Assert.Equal(2, clk.ActiveEdges);
        Assert.Equal(2, sim.DispatchedCount(Tracing.SimTraceKind.ClockEdge));
    }

    [Fact]
    public void A_block_woken_on_an_edge_already_dispatched_waits_for_the_next_one()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var clk = new ClockDomain(sim, 10);
        var sleeper = clk.Register(new Recorder(sim, "late", log, 0), awake: false);
        clk.Register(new WakerBlock(sleeper, log));
        sim.Run();
        Assert.Equal(["waker:c0", "late:c1@10"], log);
    }

    private sealed class WakerBlock(ClockedHandle other, List<string> log) : IClocked
    {
        public bool Tick(long cycle)
        {
            log.Add($"waker:c{cycle}");
            other.Wake();
            return false;
        }
    }

    [Fact]
    public void A_block_woken_by_a_signal_ticks_once_per_wake()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var clk = new ClockDomain(sim, 10);
        var doorbell = new Resources.Signal(sim, "doorbell");
        var handle = clk.Register(new Recorder(sim, "dma", log, lastCycle: -1), awake: false);
        handle.WakeOn(doorbell);
        sim.TimeoutEvent(25).AddCallback(_ => doorbell.Fire());
        sim.Run();
        Assert.Equal(["dma:c3@30"], log);
        Assert.False(handle.IsAwake);
    }

    private sealed class ShiftStage(int[] state, int index) : ITwoPhaseClocked
    {
        private int _next;

        public bool Tick(long cycle)
        {
            // Evaluate: read the previous stage's current value, never its next one.
            _next = index == 0 ? (int)cycle + 100 : state[index - 1];
            return cycle < 2;
        }

        public void Commit(long cycle) => state[index] = _next;
    }

    [Fact]
    public void Two_phase_ticking_hides_next_state_within_a_cycle()
    {
        var sim = new Simulation();
        var clk = new ClockDomain(sim, 1);
        var state = new int[3];
        for (int i = 0; i < state.Length; i++)
        {
            clk.Register(new ShiftStage(state, i));
        }

        sim.Run();

        // A 3-stage shift register: after cycles 0, 1, 2 the value from cycle 0 reached stage 2.
        Assert.Equal([102, 101, 100], state);
    }

    [Fact]
    public void Sleep_from_outside_stops_ticking_after_the_current_cycle()
    {
        var sim = new Simulation();
        var log = new List<string>();
        var clk = new ClockDomain(sim, 10);
        var handle = clk.Register(new Recorder(sim, "x", log));
        sim.TimeoutEvent(25).AddCallback(_ => handle.Sleep());
        sim.Run();
        Assert.Equal(["x:c0@0", "x:c1@10", "x:c2@20"], log);
        Assert.Equal(25, sim.Now);
    }
}
