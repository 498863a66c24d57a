using Engram.Sim.Core;
using Engram.Sim.Tracing;

namespace Engram.Sim.Tests;

/// <summary>
/// With <see cref="SimulationOptions.ResumeLoneDelays"/>, a delay of a process with nothing else pending is taken
/// without the queue (<c>Simulation.TryResumeAloneAfter</c>).
/// With a trace sink attached every delay goes through the queue, so each model here runs both ways and must give
/// the same dispatches: the hash, event counts, high-water mark, final tick, and the ticks at which bodies resumed.
/// </summary>
public sealed class AloneDelayTests
{
    [Theory]
    [InlineData("wheel")]
    [InlineData("heap")]
    public void A_lone_process_dispatches_as_through_the_queue(string queue)
    {
        var plain = RunBothWays(queue, Lone);
        Assert.Equal(61, plain.DispatchedCount(SimTraceKind.ProcessResume));
        // The start comes through the queue; each of the 60 delays finds nothing else pending.
        Assert.Equal(60, plain.LoneResumes);
    }

    [Theory]
    [InlineData("wheel")]
    [InlineData("heap")]
    public void Processes_that_come_and_go_dispatch_as_through_the_queue(string queue)
    {
        var plain = RunBothWays(queue, Spawning);
        // Some delays found a helper pending and went through the queue; the lone ones did not.
        Assert.InRange(plain.LoneResumes, 1, plain.DispatchedCount(SimTraceKind.ProcessResume) - 1);
    }

    [Fact]
    public void Without_the_option_every_delay_goes_through_the_queue()
    {
        var sim = new Simulation(Queues.Options("wheel", seed: 5));
        sim.Process(Lone(sim, []), "p");
        sim.Run();
        Assert.Equal(61, sim.DispatchedCount(SimTraceKind.ProcessResume));
        Assert.Equal(0, sim.LoneResumes);
    }

    [Fact]
    public void A_run_up_to_a_tick_leaves_the_next_delay_pending()
    {
        var (plain, plainLog) = Build("wheel", traced: false, Lone);
        var (traced, tracedLog) = Build("wheel", traced: true, Lone);
        foreach (long until in new[] { 0L, 999L, 1_000L, 5_123L, 40_000L, 1_000_000L })
        {
            plain.Run(until);
            traced.Run(until);
            Assert.Equal(until, plain.Now);
            AssertSame(traced, tracedLog, plain, plainLog);
        }
    }

    [Fact]
    public void A_step_dispatches_one_resume_only()
    {
        var (sim, log) = Build("wheel", traced: false, Lone);
        sim.Run(1_000);
        long run = sim.ProcessedEvents;
        int steps = 0;
        while (sim.Step())
        {
            steps++;
            Assert.Equal(run + steps, sim.ProcessedEvents);
        }

        // 61 resumes and the process's end in all.
        Assert.Equal(62, run + steps);
        Assert.Equal(61, log.Count);
    }

    [Fact]
    public void A_process_that_stops_the_run_waits_in_the_queue()
    {
        var (plain, plainLog) = Build("wheel", traced: false, Stopping);
        var (traced, tracedLog) = Build("wheel", traced: true, Stopping);
        plain.Run();
        traced.Run();
        AssertSame(traced, tracedLog, plain, plainLog);
        Assert.Equal(3, plainLog.Count);
        plain.Run();
        traced.Run();
        AssertSame(traced, tracedLog, plain, plainLog);
        Assert.Equal(5, plainLog.Count);
    }

    // The model run untraced (lone delays resumed at once) and traced (every delay queued): the same dispatches, and
    // only the untraced run took the lone path. Returns the untraced simulation.
    private static Simulation RunBothWays(string queue, Func<Simulation, List<long>, IEnumerable<Wait>> body)
    {
        var (plain, plainLog) = Build(queue, traced: false, body);
        var (traced, tracedLog) = Build(queue, traced: true, body);
        plain.Run();
        traced.Run();
        AssertSame(traced, tracedLog, plain, plainLog);
        Assert.Equal(0, traced.LoneResumes);
        return plain;
    }

    private static (Simulation Sim, List<long> Log) Build(string queue, bool traced, Func<Simulation, List<long>, IEnumerable<Wait>> body)
    {
        var sim = new Simulation(Queues.Options(queue, seed: 5) with { ResumeLoneDelays = true });
        if (traced)
        {
            sim.TraceSink = new NoSink();
        }

        var log = new List<long>();
        sim.Process(body(sim, log), "p");
        return (sim, log);
    }

    // Delays of 0 to beyond a wheel's window, at three priorities.
    private static IEnumerable<Wait> Lone(Simulation sim, List<long> log)
    {
        var random = new System.Random(3);
        for (int i = 0; i < 60; i++)
        {
            log.Add(sim.Now);
            long delay = random.Next(4) switch { 0 => 0, 1 => random.Next(1, 64), 2 => random.Next(64, 5_000), _ => random.Next(60_000, 400_000) };
            yield return sim.Timeout(delay, random.Next(3) - 1);
        }

        log.Add(sim.Now);
    }

    // A process alone for a while, then with helpers it starts (timeouts of their own and an event it waits on).
    private static IEnumerable<Wait> Spawning(Simulation sim, List<long> log)
    {
        for (int round = 0; round < 6; round++)
        {
            for (int i = 0; i < 5; i++)
            {
                log.Add(sim.Now);
                yield return sim.Timeout(100 * (i + 1));
            }

            var done = sim.Event();
            sim.Process(Helper(sim, log, round, done), $"h{round}");
            log.Add(-sim.Now);
            yield return sim.Timeout(round % 2 == 0 ? 50 : 5_000);
            yield return done;
            log.Add(sim.Now);
        }
    }

    private static IEnumerable<Wait> Helper(Simulation sim, List<long> log, int round, Event done)
    {
        for (int i = 0; i <= round; i++)
        {
            yield return sim.Timeout(700);
            log.Add(1_000_000 + sim.Now);
        }

        done.Succeed();
    }

    private static IEnumerable<Wait> Stopping(Simulation sim, List<long> log)
    {
        for (int i = 0; i < 4; i++)
        {
            log.Add(sim.Now);
            if (i == 2)
            {
                sim.Stop();
            }

            yield return sim.Timeout(10);
        }

        log.Add(sim.Now);
    }

    private static void AssertSame(Simulation expected, List<long> expectedLog, Simulation actual, List<long> actualLog)
    {
        Assert.Equal(expectedLog, actualLog);
        Assert.Equal(expected.DispatchHash, actual.DispatchHash);
        Assert.Equal(expected.ProcessedEvents, actual.ProcessedEvents);
        Assert.Equal(expected.QueueHighWater, actual.QueueHighWater);
        Assert.Equal(expected.Now, actual.Now);
        foreach (var kind in Enum.GetValues<SimTraceKind>())
        {
            Assert.Equal(expected.DispatchedCount(kind), actual.DispatchedCount(kind));
        }
    }

    private sealed class NoSink : ISimTraceSink
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
