using BenchmarkDotNet.Attributes;
using Engram.Sim.Queues;

namespace Engram.Bench.Suites;

/// <summary>
/// The two future-event sets under a hold model (pop one, push one at now + random delay) with many
/// pending entries: where the timing wheel is meant to beat the heap.
/// </summary>
[MemoryDiagnoser]
public class EventQueueBenchmarks
{
    private const int Operations = 100_000;
    private long[] _delays = [];

    [Params(1_000, 100_000)]
    public int Pending { get; set; }

    [Params(64, 1_000_000)]
    public int MaxDelay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new System.Random(42);
        _delays = new long[Operations + Pending];
        for (int i = 0; i < _delays.Length; i++)
        {
            _delays[i] = 1 + rng.Next(MaxDelay);
        }
    }

    [Benchmark(Baseline = true)]
    public long Heap() => Hold(new QuaternaryHeap());

    [Benchmark]
    public long Wheel() => Hold(new TimingWheel());

    private long Hold(IEventQueue queue)
    {
        long seq = 0;
        for (int i = 0; i < Pending; i++)
        {
            queue.Push(new QueueEntry(_delays[i], QueueEntry.MakeKey(0, seq++), i));
        }

        long now = 0;
        for (int i = 0; i < Operations; i++)
        {
            var e = queue.Pop();
            now = e.Tick;
            queue.Push(new QueueEntry(now + _delays[Pending + i], QueueEntry.MakeKey(0, seq++), e.Slot));
        }

        return now;
    }
}
