using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class ResourceTests
{
    private static List<string> RunJobs(Simulation sim, ResourceBase resource, Func<ResourceRequest> request, int jobs, long holdPs)
    {
        var log = new List<string>();
        IEnumerable<Wait> Job(int id)
        {
            using (var unit = request())
            {
                yield return unit;
                log.Add($"{id}+{sim.Now}");
                yield return sim.Timeout(holdPs);
            }

            log.Add($"{id}-{sim.Now}");
        }

        for (int i = 0; i < jobs; i++)
        {
            sim.Process(Job(i));
        }

        sim.Run();
        Assert.Equal(0, resource.InUse);
        return log;
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Capacity_one_hands_over_in_fifo_order(string queue)
    {
        var sim = Queues.Create(queue);
        var adc = new Resource(sim, 1, "adc");
        var log = RunJobs(sim, adc, adc.Request, 3, 10);
        Assert.Equal(["0+0", "0-10", "1+10", "1-20", "2+20", "2-30"], log);
        Assert.Equal(3, adc.Grants);
        Assert.Equal(10 + 20, adc.TotalWaitTicks);
    }

    [Theory]
    [MemberData(nameof(Queues.Kinds), MemberType = typeof(Queues))]
    public void Capacity_two_serves_two_at_a_time(string queue)
    {
        var sim = Queues.Create(queue);
        var adcs = new Resource(sim, 2, "adcs");
        var log = RunJobs(sim, adcs, adcs.Request, 5, 10);
        var grants = log.Where(s => s.Contains('+', StringComparison.Ordinal)).ToList();
        Assert.Equal(["0+0", "1+0", "2+10", "3+10", "4+20"], grants);
        Assert.Equal(30, sim.Now);
    }

    [Fact]
    public void Priority_resource_grants_lowest_priority_value_first_then_fifo()
    {
        var sim = new Simulation();
        var bus = new PriorityResource(sim, 1, "bus");
        var order = new List<string>();
        IEnumerable<Wait> User(string name, long arrive, int priority)
        {
            yield return sim.Timeout(arrive);
            using var unit = bus.Request(priority);
            yield return unit;
            order.Add(name);
            yield return sim.Timeout(10);
        }

        sim.Process(User("first", 0, 5));
        sim.Process(User("low-a", 1, 5));
        sim.Process(User("high", 2, 0));
        sim.Process(User("low-b", 3, 5));
        sim.Process(User("urgent", 4, -3));
        sim.Run();
        Assert.Equal(["first", "urgent", "high", "low-a", "low-b"], order);
    }

    [Fact]
    public void Disposing_twice_or_after_reuse_does_not_release_someone_elses_unit()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 1);
        var first = r.Request();
        Assert.True(first.IsGranted);
        first.Dispose();
        var second = r.Request();
        Assert.True(second.IsGranted);
        first.Dispose();
        Assert.Equal(1, r.InUse);
        Assert.True(second.IsGranted);
        second.Dispose();
        Assert.Equal(0, r.InUse);
    }

    [Fact]
    public void A_withdrawn_request_is_skipped_at_hand_over()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 1);
        var holder = r.Request();
        var withdrawn = r.Request();
        var next = r.Request();
        Assert.Equal(2, r.QueueLength);
        withdrawn.Dispose();
        Assert.Equal(1, r.QueueLength);
        holder.Dispose();
        Assert.True(next.IsGranted);
        Assert.Equal(0, r.QueueLength);
    }

    [Fact]
    public void A_request_event_composes_with_a_timeout()
    {
        var sim = new Simulation();
        var r = new Resource(sim, 1);
        var holder = r.Request();
        string? outcome = null;
        IEnumerable<Wait> Body()
        {
            var unit = r.Request();
            var granted = unit.AsEvent();
            var giveUp = sim.TimeoutEvent(5);
            yield return granted | giveUp;
            outcome = granted.IsProcessed ? "granted" : "gave up";
            unit.Dispose();
        }

        sim.Process(Body());
        sim.TimeoutEvent(8).AddCallback(_ => holder.Dispose());
        sim.Run();
        Assert.Equal("gave up", outcome);
        Assert.Equal(0, r.InUse);
        Assert.Equal(0, r.QueueLength);
    }

    [Fact]
    public void Capacity_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(new Simulation(), 0));
    }
}
