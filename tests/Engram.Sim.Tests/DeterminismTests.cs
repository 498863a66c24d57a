using Engram.Sim.Core;

namespace Engram.Sim.Tests;

public class DeterminismTests
{
    [Fact]
    public void The_same_model_and_seed_dispatch_the_same_sequence_twice()
    {
        var first = new RandomModel(Queues.Options("wheel", seed: 11)).Run();
        var second = new RandomModel(Queues.Options("wheel", seed: 11)).Run();
        Assert.True(first.Simulation.ProcessedEvents > 10_000, $"only {first.Simulation.ProcessedEvents} dispatches");
        Assert.Equal(first.Simulation.DispatchHash, second.Simulation.DispatchHash);
        Assert.Equal(first.Log, second.Log);
        Assert.Equal(first.Simulation.Now, second.Simulation.Now);
    }

    [Fact]
    public void A_different_seed_gives_a_different_run()
    {
        var a = new RandomModel(Queues.Options("wheel", seed: 11)).Run();
        var b = new RandomModel(Queues.Options("wheel", seed: 12)).Run();
        Assert.NotEqual(a.Simulation.DispatchHash, b.Simulation.DispatchHash);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    public void Every_queue_implementation_dispatches_the_identical_sequence(ulong seed)
    {
        var reference = new RandomModel(Queues.Options("heap", seed)).Run();
        foreach (var kind in new[] { "wheel", "tiny-wheel", "coarse-wheel" })
        {
            foreach (bool lone in new[] { false, true })
            {
                var other = new RandomModel(Queues.Options(kind, seed) with { ResumeLoneDelays = lone }).Run();
                Assert.Equal(reference.Log, other.Log);
                Assert.Equal(reference.Simulation.DispatchHash, other.Simulation.DispatchHash);
                Assert.Equal(reference.Simulation.ProcessedEvents, other.Simulation.ProcessedEvents);
            }
        }
    }

    [Fact]
    public void Heap_and_wheel_agree_on_random_raw_schedules()
    {
        // Straight at the queues: random ticks, priorities and interleaved pops.
        var rng = new Random.RandomStream(99);
        var heap = new Engram.Sim.Queues.QuaternaryHeap();
        var wheels = new Engram.Sim.Queues.IEventQueue[]
        {
            new Engram.Sim.Queues.TimingWheel(),
            new Engram.Sim.Queues.TimingWheel(0, 6),
            new Engram.Sim.Queues.TimingWheel(4, 6),
        };
        long now = 0;
        long seq = 0;
        for (int step = 0; step < 50_000; step++)
        {
            if (heap.Count == 0 || rng.NextBool(0.55))
            {
                long delay = rng.NextInt(4) == 0 ? rng.NextLong(0, 5_000) : rng.NextLong(0, 40);
                var entry = new Engram.Sim.Queues.QueueEntry(now + delay, Engram.Sim.Queues.QueueEntry.MakeKey(rng.NextInt(5) - 2, seq++), step);
                heap.Push(entry);
                foreach (var w in wheels)
                {
                    w.Push(entry);
                }
            }
            else
            {
                var expected = heap.Pop();
                now = expected.Tick;
                foreach (var w in wheels)
                {
                    Assert.Equal(expected.Tick, w.Peek().Tick);
                    var got = w.Pop();
                    Assert.Equal((expected.Tick, expected.Key, expected.Slot), (got.Tick, got.Key, got.Slot));
                    Assert.Equal(heap.Count, w.Count);
                }
            }
        }
    }
}
