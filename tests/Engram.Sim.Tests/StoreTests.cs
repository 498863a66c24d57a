using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

public class StoreTests
{
    [Fact]
    public void Get_blocks_while_empty_and_put_blocks_while_full()
    {
        var sim = new Simulation();
        var fifo = new Store<int>(sim, capacity: 2, name: "fifo");
        var log = new List<string>();
        IEnumerable<Wait> Producer()
        {
            for (int i = 0; i < 4; i++)
            {
                yield return fifo.Put(i);
                log.Add($"put{i}@{sim.Now}");
            }
        }

        IEnumerable<Wait> Consumer()
        {
            yield return sim.Timeout(10);
            for (int i = 0; i < 4; i++)
            {
                var get = fifo.Get();
                yield return get;
                log.Add($"got{get.Item}@{sim.Now}");
                yield return sim.Timeout(5);
            }
        }

        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();
        Assert.Equal(
            ["put0@0", "put1@0", "got0@10", "put2@10", "got1@15", "put3@15", "got2@20", "got3@25"],
            log);
    }

    [Fact]
    public void Getters_wait_for_items_in_request_order()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim);
        var log = new List<string>();
        IEnumerable<Wait> Getter(string name)
        {
            var get = store.Get();
            yield return get;
            log.Add($"{name}:{get.Item}@{sim.Now}");
        }

        sim.Process(Getter("a"));
        sim.Process(Getter("b"));
        sim.TimeoutEvent(3).AddCallback(_ => store.Put("x"));
        sim.TimeoutEvent(7).AddCallback(_ => store.Put("y"));
        sim.Run();
        Assert.Equal(["a:x@3", "b:y@7"], log);
    }

    [Fact]
    public void Try_operations_respect_capacity_and_waiting_order()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, capacity: 1);
        Assert.True(store.TryPut(1));
        Assert.False(store.TryPut(2));
        Assert.True(store.TryGet(out int item));
        Assert.Equal(1, item);
        Assert.False(store.TryGet(out _));
        var cancelled = store.Get();
        cancelled.Cancel();
        var live = store.Get();
        store.Put(5);
        sim.Run();
        Assert.False(cancelled.IsTriggered);
        Assert.Equal(5, live.Item);
    }

    [Fact]
    public void Container_puts_and_gets_block_on_the_level()
    {
        var sim = new Simulation();
        var charge = new Container(sim, capacity: 10, initialLevel: 2, name: "charge");
        var log = new List<string>();
        IEnumerable<Wait> Drain()
        {
            yield return charge.Get(6);
            log.Add($"got6@{sim.Now}:level={charge.Level}");
        }

        IEnumerable<Wait> Fill()
        {
            yield return sim.Timeout(4);
            yield return charge.Put(5);
            log.Add($"put5@{sim.Now}");
            yield return charge.Put(9);
            log.Add($"put9@{sim.Now}:level={charge.Level}");
        }

        sim.Process(Drain());
        sim.Process(Fill());
        sim.Run();
        // Fill resumes first (its put succeeded first) and tops up to 10 before Drain reads the level.
        Assert.Equal(["put5@4", "got6@4:level=10", "put9@4:level=10"], log);
        Assert.Throws<ArgumentOutOfRangeException>(() => charge.Put(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim, 5, 6));
    }
}
