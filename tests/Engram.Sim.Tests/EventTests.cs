using Engram.Sim.Core;

namespace Engram.Sim.Tests;

public class EventTests
{
    [Fact]
    public void Yielding_an_already_processed_event_continues_at_once()
    {
        var sim = new Simulation();
        var done = sim.TimeoutEvent(3, "x");
        var log = new List<string>();
        IEnumerable<Wait> Late()
        {
            yield return sim.Timeout(10);
            long dispatchesBefore = sim.ProcessedEvents;
            yield return done;
            log.Add($"{sim.Now}:{done.Value}:{sim.ProcessedEvents - dispatchesBefore}");
        }

        sim.Process(Late());
        sim.Run();
        Assert.Equal(["10:x:0"], log);
    }

    [Fact]
    public void A_process_waiting_on_an_event_gets_its_value_when_it_succeeds()
    {
        var sim = new Simulation();
        var ready = sim.Event();
        object? got = null;
        long at = -1;
        IEnumerable<Wait> Waiter()
        {
            yield return ready;
            got = ready.Value;
            at = sim.Now;
        }

        IEnumerable<Wait> Trigger()
        {
            yield return sim.Timeout(42);
            ready.Succeed(7);
        }

        sim.Process(Waiter());
        sim.Process(Trigger());
        sim.Run();
        Assert.Equal(7, got);
        Assert.Equal(42, at);
        Assert.Throws<InvalidOperationException>(() => ready.Succeed());
    }

    [Fact]
    public void Waiting_on_a_process_resumes_when_it_ends_with_its_return_value()
    {
        var sim = new Simulation();
        IEnumerable<Wait> Child()
        {
            yield return sim.Timeout(15);
            sim.ActiveProcess!.ReturnValue = "result";
        }

        string? seen = null;
        IEnumerable<Wait> Parent()
        {
            var child = sim.Process(Child(), "child");
            yield return child;
            seen = $"{sim.Now}:{child.Value}:{child.IsAlive}";
        }

        sim.Process(Parent(), "parent");
        sim.Run();
        Assert.Equal("15:result:False", seen);
    }

    [Fact]
    public void AllOf_waits_for_every_event_and_AnyOf_for_the_first()
    {
        var sim = new Simulation();
        var a = sim.TimeoutEvent(5, "a");
        var b = sim.TimeoutEvent(9, "b");
        var c = sim.TimeoutEvent(2, "c");
        long allAt = -1, anyAt = -1;
        int allCount = -1;
        string? firstAny = null;
        IEnumerable<Wait> All()
        {
            var all = a & b & c;
            yield return all;
            allAt = sim.Now;
            allCount = ((Event[])all.Value!).Length;
        }

        IEnumerable<Wait> Any()
        {
            var any = sim.AnyOf(a, b, c);
            yield return any;
            anyAt = sim.Now;
            firstAny = (string)((Event[])any.Value!)[0].Value!;
        }

        sim.Process(All());
        sim.Process(Any());
        sim.Run();
        Assert.Equal(9, allAt);
        Assert.Equal(2, allCount);  // (a & b) is itself a condition: the outer one holds it and c.
        Assert.Equal(2, anyAt);
        Assert.Equal("c", firstAny);
    }

    [Fact]
    public void Empty_AllOf_and_AnyOf_succeed_at_once()
    {
        var sim = new Simulation();
        var log = new List<long>();
        IEnumerable<Wait> Body()
        {
            yield return sim.Timeout(4);
            yield return sim.AllOf();
            log.Add(sim.Now);
            yield return sim.AnyOf(Array.Empty<Event>());
            log.Add(sim.Now);
        }

        sim.Process(Body());
        sim.Run();
        Assert.Equal([4, 4], log);
    }

    [Fact]
    public void AllOf_with_processed_events_counts_them()
    {
        var sim = new Simulation();
        var early = sim.TimeoutEvent(1);
        sim.Run();
        var late = sim.TimeoutEvent(5);
        var both = sim.AllOf(early, late);
        sim.Run();
        Assert.True(both.IsOk);
        Assert.Equal(6, sim.Now);
        Assert.Equal(2, ((Event[])both.Value!).Length);
    }

    [Fact]
    public void A_failure_the_waiting_process_looks_at_is_handled()
    {
        var sim = new Simulation();
        var job = sim.Event();
        string? outcome = null;
        IEnumerable<Wait> Waiter()
        {
            yield return job;
            outcome = job.IsOk ? "ok" : job.Exception!.Message;
        }

        sim.Process(Waiter());
        sim.TimeoutEvent(3).AddCallback(_ => job.Fail(new InvalidOperationException("ADC timeout")));
        sim.Run();
        Assert.Equal("ADC timeout", outcome);
    }

    [Fact]
    public void A_failure_the_waiting_process_ignores_stops_the_run()
    {
        var sim = new Simulation();
        var job = sim.Event();
        IEnumerable<Wait> Careless()
        {
            yield return job;
            yield return sim.Timeout(1);
        }

        sim.Process(Careless(), "careless");
        sim.TimeoutEvent(3).AddCallback(_ => job.Fail(new InvalidOperationException("lost")));
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("careless", ex.ProcessName);
        Assert.Equal(3, ex.Tick);
        Assert.Contains("did not look at it", ex.Message, StringComparison.Ordinal);
    }

    // A process binds its body's MoveNext and Current as delegates only after many resumes: before and after, it waits,
    // yields its values and fails the run with its tick and name alike.
    [Theory]
    [InlineData(3)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1_000)]
    public void A_process_runs_and_fails_alike_before_and_after_its_body_is_bound(int waits)
    {
        var sim = new Simulation();
        var seen = new List<long>();
        IEnumerable<Wait> Body()
        {
            for (int i = 0; i < waits; i++)
            {
                yield return sim.Timeout(1 + (i % 3));
                seen.Add(sim.Now);
            }

            throw new InvalidOperationException("done badly");
        }

        sim.Process(Body(), "worker");
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        long expectedEnd = Enumerable.Range(0, waits).Sum(i => 1L + (i % 3));
        Assert.Equal(waits, seen.Count);
        Assert.Equal(expectedEnd, seen[^1]);
        Assert.Equal("worker", ex.ProcessName);
        Assert.Equal(expectedEnd, ex.Tick);
        Assert.Contains("done badly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_nobody_waits_on_stops_the_run()
    {
        var sim = new Simulation();
        sim.Event().Fail(new InvalidOperationException("orphan"));
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Contains("orphan", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllOf_fails_with_the_first_failure()
    {
        var sim = new Simulation();
        var ok = sim.TimeoutEvent(5);
        var bad = sim.Event();
        var all = sim.AllOf(ok, bad);
        sim.TimeoutEvent(2).AddCallback(_ => bad.Fail(new InvalidOperationException("bad")));
        Assert.Throws<EventFailedException>(() => sim.Run(all));
        Assert.False(all.IsOk);
        Assert.Equal(2, sim.Now);
    }

    [Fact]
    public void Exceptions_from_process_code_leave_run_wrapped_with_tick_and_name()
    {
        var sim = new Simulation();
        IEnumerable<Wait> Faulty()
        {
            yield return sim.Timeout(12);
            throw new FormatException("bad word line");
        }

        sim.Process(Faulty(), "controller");
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal(12, ex.Tick);
        Assert.Equal("controller", ex.ProcessName);
        Assert.IsType<FormatException>(ex.InnerException);
        Assert.Contains("tick 12", ex.Message, StringComparison.Ordinal);
        Assert.Contains("controller", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_until_an_event_returns_its_value_and_leaves_later_work_pending()
    {
        var sim = new Simulation();
        var target = sim.TimeoutEvent(30, 99);
        sim.TimeoutEvent(50);
        Assert.Equal(99, sim.Run(target));
        Assert.Equal(30, sim.Now);
        Assert.Equal(50, sim.Peek());

        var never = sim.Event();
        Assert.Throws<InvalidOperationException>(() => sim.Run(never));
    }

    [Fact]
    public void Default_wait_is_rejected()
    {
        var sim = new Simulation();
        IEnumerable<Wait> Body()
        {
            yield return default;
        }

        sim.Process(Body(), "p");
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Contains("default(Wait)", ex.Message, StringComparison.Ordinal);
    }
}
