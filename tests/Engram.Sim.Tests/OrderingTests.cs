using Engram.Sim.Core;

namespace Engram.Sim.Tests;

public class OrderingTests
{
    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Lower_priority_value_runs_first_then_scheduling_order(string queue)
    {
        var sim = Queues.Create(queue);
        var log = new List<string>();
        IEnumerable<Wait> Body(string name, long delay, int priority)
        {
            yield return sim.Timeout(delay, priority);
            log.Add(name);
        }

        sim.Process(Body("late-normal-1", 10, Priority.Normal));
        sim.Process(Body("late-urgent", 10, Priority.Urgent));
        sim.Process(Body("early", 5, Priority.Late));
        sim.Process(Body("late-normal-2", 10, Priority.Normal));
        sim.Process(Body("late-low", 10, Priority.Late));
        sim.Process(Body("late-normal-3", 10, Priority.Normal));
        sim.Run();

        Assert.Equal(["early", "late-urgent", "late-normal-1", "late-normal-2", "late-normal-3", "late-low"], log);
        Assert.Equal(10, sim.Now);
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void More_than_200k_equal_key_events_at_few_ticks_run_in_exact_fifo_order(string queue)
    {
        const int Count = 210_000;
        long[] ticks = [3, 1_000, 70_000, 1_000_000];
        var sim = Queues.Create(queue);
        var order = new List<int>(Count);
        var events = new Event[Count];
        for (int i = 0; i < Count; i++)
        {
            // Interleave the ticks so that each tick's events are scheduled far apart in time order.
            events[i] = sim.TimeoutEvent(ticks[i % ticks.Length], i);
            events[i].AddCallback(e => order.Add((int)e.Value!));
        }

        Assert.True(sim.QueueHighWater >= Count);
        sim.Run();

        Assert.Equal(Count, order.Count);
        int expected = 0;
        foreach (long tick in ticks)
        {
            int t = Array.IndexOf(ticks, tick);
            for (int i = t; i < Count; i += ticks.Length)
            {
                Assert.True(order[expected] == i, $"position {expected}: expected event {i}, got {order[expected]}");
                expected++;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Fifo_holds_after_the_queue_grew_past_100k_entries(string queue)
    {
        var sim = Queues.Create(queue);

        // Fill the queue far beyond its initial size with later events, then add equal-key ones.
        for (int i = 0; i < 120_000; i++)
        {
            sim.TimeoutEvent(500 + (i % 977));
        }

        var order = new List<int>();
        for (int i = 0; i < 1_000; i++)
        {
            int id = i;
            sim.TimeoutEvent(250).AddCallback(_ => order.Add(id));
        }

        sim.Run(300);
        Assert.Equal(Enumerable.Range(0, 1_000), order);
        Assert.Equal(120_000, sim.PendingCount);
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Run_until_runs_events_at_the_boundary_and_stops_before_later_ones(string queue)
    {
        var sim = Queues.Create(queue);
        var seen = new List<long>();
        foreach (long t in new long[] { 5, 10, 11 })
        {
            sim.TimeoutEvent(t).AddCallback(_ => seen.Add(sim.Now));
        }

        sim.Run(10);
        Assert.Equal([5, 10], seen);
        Assert.Equal(10, sim.Now);
        Assert.Equal(11, sim.Peek());

        sim.Run(20);
        Assert.Equal([5, 10, 11], seen);
        Assert.Equal(20, sim.Now);
        Assert.Equal(long.MaxValue, sim.Peek());
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(19));
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Zero_delay_resumes_at_the_same_tick_after_already_scheduled_work(string queue)
    {
        var sim = Queues.Create(queue);
        var log = new List<string>();
        IEnumerable<Wait> A()
        {
            yield return sim.Timeout(7);
            log.Add($"a1@{sim.Now}");
            yield return sim.Timeout(0);
            log.Add($"a2@{sim.Now}");
        }

        IEnumerable<Wait> B()
        {
            yield return sim.Timeout(7);
            log.Add($"b1@{sim.Now}");
        }

        sim.Process(A());
        sim.Process(B());
        sim.Run();
        Assert.Equal(["a1@7", "b1@7", "a2@7"], log);
    }

    [Fact]
    public void Negative_delays_and_out_of_range_priorities_are_rejected()
    {
        var sim = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.TimeoutEvent(-5));

        IEnumerable<Wait> Bad()
        {
            yield return sim.Timeout(1, priority: 40_000);
        }

        sim.Process(Bad(), "bad");
        var ex = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("bad", ex.ProcessName);
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Step_dispatches_one_entry_and_peek_reports_the_next_tick(string queue)
    {
        var sim = Queues.Create(queue);
        sim.TimeoutEvent(4);
        sim.TimeoutEvent(9);
        Assert.Equal(4, sim.Peek());
        Assert.True(sim.Step());
        Assert.Equal(4, sim.Now);
        Assert.Equal(9, sim.Peek());
        Assert.True(sim.Step());
        Assert.False(sim.Step());
        Assert.Equal(2, sim.ProcessedEvents);
    }

    [Fact]
    public void Stop_ends_the_run_after_the_current_dispatch()
    {
        var sim = new Simulation();
        int count = 0;
        IEnumerable<Wait> Ticker()
        {
            while (true)
            {
                yield return sim.Timeout(1);
                if (++count == 5)
                {
                    sim.Stop();
                }
            }
        }

        sim.Process(Ticker());
        sim.Run();
        Assert.Equal(5, count);
        Assert.Equal(5, sim.Now);
    }
}
