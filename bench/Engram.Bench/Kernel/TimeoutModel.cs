using Engram.Sim.Core;

namespace Engram.Bench.Kernel;

/// <summary>
/// Model (a): N processes each wait <c>Timeout(d)</c> M times; d = 1, or uniform in [1, R] from a
/// per-process xorshift generator seeded by the process index.
/// </summary>
public sealed class TimeoutModel(int processes, int loops, int maxDelay = 1) : KernelModel
{
    private long _wakeups;

    public override string Model => "a";

    public override string Params => maxDelay > 1 ? $"N={processes},M={loops},R={maxDelay}" : $"N={processes},M={loops}";

    private int PendingHint => Math.Max(256, processes);

    public override Simulation Build()
    {
        _wakeups = 0;
        var sim = new Simulation(new SimulationOptions { Seed = 1, ExpectedPending = PendingHint, Queue = Queue });
        for (int i = 0; i < processes; i++)
        {
            sim.Process(Body(sim, (uint)i + 1), "p");
        }

        return sim;
    }

    public override long Wakeups => _wakeups;

    private IEnumerable<Wait> Body(Simulation sim, uint seed)
    {
        uint x = seed * 2654435761u | 1u;
        for (int m = 0; m < loops; m++)
        {
            long d = 1;
            if (maxDelay > 1)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                d = 1 + (x % (uint)maxDelay);
            }

            yield return sim.Timeout(d);
            _wakeups++;
        }
    }
}
