using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class InterruptTests
{
    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void An_interrupted_timeout_resumes_now_with_the_cause_and_its_old_wakeup_is_dropped(string queue)
    {
        var sim = Queues.Create(queue);
        var log = new List<string>();
        Process? sleeper = null;
        IEnumerable<Wait> Sleeper()
        {
            yield return sim.Timeout(100);
            var self = sim.ActiveProcess!;
            log.Add($"woke@{sim.Now}:{self.IsInterrupted}:{self.InterruptCause}");
            yield return sim.Timeout(5);
            log.Add($"slept@{sim.Now}:{self.IsInterrupted}");
        }

        IEnumerable<Wait> Alarm()
        {
            yield return sim.Timeout(30);
            sleeper!.Interrupt("reset");
        }

        sleeper = sim.Process(Sleeper(), "sleeper");
        sim.Process(Alarm(), "alarm");
        sim.Run();
        Assert.Equal(["woke@30:True:reset", "slept@35:False"], log);
        Assert.Equal(35, sim.Now);
    }

    [Fact]
    public void An_interrupt_takes_a_process_off_an_event_and_a_signal()
    {
        var sim = new Simulation();
        var never = sim.Event();
        var edge = new Signal(sim, "edge");
        var log = new List<string>();
        IEnumerable<Wait> Waiter()
        {
            yield return never;
            log.Add($"event-wait ended@{sim.Now}:{sim.ActiveProcess!.InterruptCause}");
            yield return edge;
            log.Add($"signal-wait ended@{sim.Now}:{sim.ActiveProcess!.InterruptCause}");
        }

        var p = sim.Process(Waiter());
        sim.TimeoutEvent(4).AddCallback(_ => p.Interrupt(1));
        sim.TimeoutEvent(9).AddCallback(_ => p.Interrupt(2));
        sim.TimeoutEvent(12).AddCallback(_ => edge.Fire());
        sim.Run();
        Assert.Equal(["event-wait ended@4:1", "signal-wait ended@9:2"], log);
        Assert.Equal(0, edge.WaiterCount);
    }

    [Fact]
    public void An_interrupted_request_can_be_withdrawn_and_the_unit_goes_to_the_next()
    {
        var sim = new Simulation();
        var adc = new Resource(sim, 1, "adc");
        var log = new List<string>();
        IEnumerable<Wait> Holder()
        {
            using var unit = adc.Request();
            yield return unit;
            yield return sim.Timeout(10);
        }

        IEnumerable<Wait> Impatient()
        {
            using var unit = adc.Request();
            yield return unit;
            log.Add($"impatient@{sim.Now}:granted={unit.IsGranted}:interrupted={sim.ActiveProcess!.IsInterrupted}");
        }

        IEnumerable<Wait> Patient()
        {
            yield return sim.Timeout(1);
            using var unit = adc.Request();
            yield return unit;
            log.Add($"patient@{sim.Now}");
        }

        sim.Process(Holder());
        var impatient = sim.Process(Impatient());
        sim.Process(Patient());
        sim.TimeoutEvent(3).AddCallback(_ => impatient.Interrupt());
        sim.Run();
        Assert.Equal(["impatient@3:granted=False:interrupted=True", "patient@10"], log);
        Assert.Equal(0, adc.InUse);
        Assert.Equal(0, adc.QueueLength);
    }

    [Fact]
    public void Interrupting_an_ended_process_or_twice_in_one_tick_is_an_error()
    {
        var sim = new Simulation();
        IEnumerable<Wait> Short()
        {
            yield return sim.Timeout(1);
        }

        IEnumerable<Wait> Long()
        {
            yield return sim.Timeout(100);
        }

        var shortOne = sim.Process(Short());
        var longOne = sim.Process(Long());
        sim.Run(5);
        Assert.Throws<InvalidOperationException>(() => shortOne.Interrupt());
        longOne.Interrupt();
        Assert.Throws<InvalidOperationException>(() => longOne.Interrupt());
    }
}
