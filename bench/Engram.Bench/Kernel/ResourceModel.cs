using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Bench.Kernel;

/// <summary>
/// Model (c): P workers share a resource of capacity CAP; each does J jobs: request (wait for the
/// grant), hold 3 cycles, release, think 1 cycle.
/// </summary>
public sealed class ResourceModel(int workers, int capacity, int jobs) : KernelModel
{
    private const long CyclePs = 1000;
    private long _wakeups;

    public override string Model => "c";

    public override string Params => $"P={workers},CAP={capacity},J={jobs}";

    private int PendingHint => Math.Max(256, workers);

    public override Simulation Build()
    {
        _wakeups = 0;
        var sim = new Simulation(new SimulationOptions { Seed = 1, ExpectedPending = PendingHint, Queue = Queue });
        var resource = new Resource(sim, capacity, "shared");
        for (int p = 0; p < workers; p++)
        {
            sim.Process(Worker(sim, resource), "worker");
        }

        return sim;
    }

    public override long Wakeups => _wakeups;

    private IEnumerable<Wait> Worker(Simulation sim, Resource resource)
    {
        for (int j = 0; j < jobs; j++)
        {
            using (var request = resource.Request())
            {
                yield return request;
                _wakeups++;
                yield return sim.Timeout(3 * CyclePs);
                _wakeups++;
            }

            yield return sim.Timeout(CyclePs);
            _wakeups++;
        }
    }
}
