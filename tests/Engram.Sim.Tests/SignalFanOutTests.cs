using Engram.Sim.Core;
using Engram.Sim.Resources;
using Engram.Sim.Tracing;

namespace Engram.Sim.Tests;

/// <summary>
/// The loop that resumes a fired signal's process waiters must dispatch exactly what scheduling each
/// waiter in turn would. With a trace sink set the kernel takes that ordinary path, so every model here
/// is also compared traced against untraced.
/// </summary>
public class SignalFanOutTests
{
    [Fact]
    public void A_waiter_that_waits_again_during_the_fan_out_waits_for_the_next_fire_and_a_fire_from_inside_wakes_it_after_the_rest()
    {
        // Fire 1 wakes a, b, c. a waits again; b fires (waking a after c, at the same tick) and waits
        // again; c waits again after b's fire, so it joins b. Fire 2 (at 7) then wakes b, c, a.
        static (string Log, ulong Hash, long Events, int HighWater) Run(bool traced)
        {
            var sim = new Simulation();
            if (traced)
            {
                sim.TraceSink = new Recorder();
            }

            var edge = new Signal(sim, "edge");
            var log = new List<string>();
            IEnumerable<Wait> Waiter(string name, bool fires)
            {
                for (int i = 0; i < 3; i++)
                {
                    yield return edge;
                    log.Add($"{name}@{sim.Now}");
                    if (fires && i == 0)
                    {
                        edge.Fire();
                    }
                }
            }

            sim.Process(Waiter("a", false), "a");
            sim.Process(Waiter("b", true), "b");
            sim.Process(Waiter("c", false), "c");
            sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
            sim.TimeoutEvent(7).AddCallback(_ => edge.Fire());
            sim.Run();
            return (string.Join(",", log), sim.DispatchHash, sim.ProcessedEvents, sim.QueueHighWater);
        }

        var plain = Run(traced: false);
        Assert.Equal("a@5,b@5,c@5,a@5,b@7,c@7,a@7", plain.Log);
        Assert.Equal(Run(traced: true), plain);
    }

    [Fact]
    public void An_urgent_zero_delay_wait_of_one_waiter_cuts_in_ahead_of_the_rest_of_the_fan_out()
    {
        // b's urgent wait is due at the same tick with a lower key than the run queue's entries, so it
        // resumes before c; a normal zero-delay wait goes after d, the last waiter already scheduled, and
        // a late one after every normal entry of the tick. x's timeout, due at the fire's tick and
        // scheduled before it, runs first.
        static (string Log, ulong Hash, long Events) Run(bool traced, EventQueueKind queue)
        {
            var sim = new Simulation(new SimulationOptions { Queue = queue });
            if (traced)
            {
                sim.TraceSink = new Recorder();
            }

            var edge = new Signal(sim, "edge");
            var log = new List<string>();
            IEnumerable<Wait> Waiter(string name, int priority)
            {
                yield return edge;
                log.Add($"{name}@{sim.Now}");
                yield return sim.Timeout(0, priority);
                log.Add($"{name}'@{sim.Now}");
                yield return sim.Timeout(3);
                log.Add($"{name}''@{sim.Now}");
            }

            sim.Process(Waiter("a", Priority.Normal), "a");
            sim.Process(Waiter("b", Priority.Urgent), "b");
            sim.Process(Waiter("c", Priority.Late), "c");
            sim.Process(Waiter("d", Priority.Normal), "d");

            IEnumerable<Wait> Clock()
            {
                yield return sim.Timeout(5);
                edge.Fire();
            }

            IEnumerable<Wait> Bystander()
            {
                yield return sim.Timeout(5);
                log.Add($"x@{sim.Now}");
            }

            sim.Process(Clock(), "clock");
            sim.Process(Bystander(), "x");
            sim.Run();
            return (string.Join(",", log), sim.DispatchHash, sim.ProcessedEvents);
        }

        foreach (var queue in new[] { EventQueueKind.Wheel, EventQueueKind.Heap })
        {
            var plain = Run(traced: false, queue);
            Assert.Equal("x@5,a@5,b@5,b'@5,c@5,d@5,a'@5,d'@5,c'@5,b''@8,a''@8,d''@8,c''@8", plain.Log);
            Assert.Equal(Run(traced: true, queue), plain);
        }
    }

    [Fact]
    public void Stop_from_a_waiter_ends_the_run_after_its_resume_and_the_next_run_wakes_the_rest_in_order()
    {
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var log = new List<string>();
        IEnumerable<Wait> Waiter(string name, bool stops)
        {
            yield return edge;
            log.Add(name);
            if (stops)
            {
                sim.Stop();
            }
        }

        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            sim.Process(Waiter(name, name == "b"), name);
        }

        sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
        sim.Run();
        Assert.Equal(["a", "b"], log);
        Assert.Equal(5, sim.Now);
        // c's and d's resumes, and a's and b's ends.
        Assert.Equal(4, sim.PendingCount);
        sim.Run();
        Assert.Equal(["a", "b", "c", "d"], log);
    }

    [Fact]
    public void A_trace_sink_set_by_a_waiter_records_the_rest_of_the_fan_out()
    {
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var sink = new Recorder();
        IEnumerable<Wait> Waiter(bool traces)
        {
            yield return edge;
            if (traces)
            {
                sim.TraceSink = sink;
            }
        }

        var a = sim.Process(Waiter(false), "a");
        var b = sim.Process(Waiter(true), "b");
        var c = sim.Process(Waiter(false), "c");
        sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
        sim.Run();

        // c's resume is the first dispatch after b's; b's and a's ends were scheduled before it ran.
        Assert.DoesNotContain(sink.Records, r => r.StartsWith("D", StringComparison.Ordinal) && r.EndsWith($"ProcessResume {a.Id}", StringComparison.Ordinal));
        Assert.Equal($"D 5 {sink.FirstDispatchSequence} ProcessResume {c.Id}", sink.Records.First(r => r.StartsWith("D", StringComparison.Ordinal)));
        Assert.Contains($"R 5 {c.Id}", sink.Records);
        Assert.Contains(sink.Records, r => r.StartsWith("D", StringComparison.Ordinal) && r.EndsWith($"ProcessEnd {b.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exception_in_a_waiter_stops_the_run_with_the_tick_and_process_and_leaves_no_process_active()
    {
        var sim = new Simulation();
        var edge = new Signal(sim, "edge");
        var log = new List<string>();
        IEnumerable<Wait> Waiter(string name, bool throws)
        {
            yield return edge;
            log.Add(name);
            if (throws)
            {
                throw new InvalidOperationException("boom");
            }

            yield return edge;
        }

        sim.Process(Waiter("a", false), "a");
        var b = sim.Process(Waiter("b", true), "b");
        sim.Process(Waiter("c", false), "c");
        sim.TimeoutEvent(5).AddCallback(_ => edge.Fire());
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(5, ex.Tick);
        Assert.Equal("b", ex.ProcessName);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.False(b.IsAlive);
        Assert.Null(sim.ActiveProcess);
        Assert.Equal(["a", "b"], log);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Random_models_dispatch_the_same_traced_and_untraced(ulong seed)
    {
        // Every kernel feature at random, with signal waiters interrupted, re-waiting and ending: the
        // traced run schedules each waiter one by one, the untraced one resumes them in the fan-out loop.
        foreach (var kind in new[] { "wheel", "heap", "tiny-wheel" })
        {
            var plain = new RandomModel(Queues.Options(kind, seed)).Run();
            var tracedModel = new RandomModel(Queues.Options(kind, seed));
            tracedModel.Simulation.TraceSink = new Recorder();
            tracedModel.Run();
            Assert.Equal(tracedModel.Log, plain.Log);
            Assert.Equal(tracedModel.Simulation.DispatchHash, plain.Simulation.DispatchHash);
            Assert.Equal(tracedModel.Simulation.ProcessedEvents, plain.Simulation.ProcessedEvents);
            Assert.Equal(tracedModel.Simulation.QueueHighWater, plain.Simulation.QueueHighWater);
            Assert.Equal(
                tracedModel.Simulation.DispatchedCount(SimTraceKind.ProcessResume),
                plain.Simulation.DispatchedCount(SimTraceKind.ProcessResume));
        }
    }

    [Fact]
    public void Fan_out_waiters_interrupted_before_their_turn_resume_once_in_both_paths()
    {
        // Waiter 0 interrupts every odd waiter after the fire; each interrupted one waits on the edge
        // again, so it holds the next fire's token while its stale entry of this fire comes up.
        static (string Log, ulong Hash, long Events) Run(bool traced)
        {
            var sim = new Simulation(new SimulationOptions { ExpectedPending = 4 });
            if (traced)
            {
                sim.TraceSink = new Recorder();
            }

            var edge = new Signal(sim, "edge");
            var log = new List<string>();
            var waiters = new Process[9];
            IEnumerable<Wait> Waiter(int id)
            {
                for (int round = 0; round < 3; round++)
                {
                    yield return edge;
                    log.Add($"{id}@{sim.Now}:{sim.ActiveProcess!.InterruptCause ?? "edge"}");
                    if (id == 0 && round == 0)
                    {
                        for (int k = 1; k < waiters.Length; k += 2)
                        {
                            waiters[k].Interrupt("poke");
                        }
                    }
                }
            }

            for (int i = 0; i < waiters.Length; i++)
            {
                waiters[i] = sim.Process(Waiter(i), $"w{i}");
            }

            for (int t = 1; t <= 4; t++)
            {
                sim.TimeoutEvent(10 * t).AddCallback(_ => edge.Fire());
            }

            sim.Run();
            return (string.Join(",", log), sim.DispatchHash, sim.ProcessedEvents);
        }

        var plain = Run(traced: false);
        Assert.StartsWith("0@10:edge,1@10:poke,3@10:poke,5@10:poke,7@10:poke,2@10:edge,4@10:edge,6@10:edge,8@10:edge,0@20:edge,", plain.Log, StringComparison.Ordinal);
        Assert.Equal(Run(traced: true), plain);
    }

    private sealed class Recorder : ISimTraceSink
    {
        public List<string> Records { get; } = [];

        public long FirstDispatchSequence { get; private set; } = -1;

        public void OnSchedule(long tick, long sequence, SimTraceKind kind, long id) => Records.Add($"S {tick} {sequence} {kind} {id}");

        public void OnDispatch(long tick, long sequence, SimTraceKind kind, long id)
        {
            if (FirstDispatchSequence < 0)
            {
                FirstDispatchSequence = sequence;
            }

            Records.Add($"D {tick} {sequence} {kind} {id}");
        }

        public void OnResume(long tick, long processId) => Records.Add($"R {tick} {processId}");
    }
}
