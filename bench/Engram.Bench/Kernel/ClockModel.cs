using Engram.Sim.Clocking;
using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Bench.Kernel;

/// <summary>
/// Model (b): one clock process waits a cycle and fires a shared edge signal, C times; K component
/// processes loop waiting on the edge. The clocked variant ticks K <see cref="IClocked"/> blocks from a
/// domain instead (one tick call counts as one wakeup).
/// </summary>
public sealed class ClockModel(int components, int cycles, bool clocked) : KernelModel
{
    private const long CyclePs = 1000;
    private long _wakeups;
    private Counter[] _counters = [];

    public override string Model => "b";

    public override string Params => $"K={components},C={cycles},{(clocked ? "iclocked" : "coroutine")}";

    private int PendingHint => Math.Max(256, components + 1);

    public override Simulation Build()
    {
        _wakeups = 0;
        var sim = new Simulation(new SimulationOptions { Seed = 1, ExpectedPending = PendingHint, Queue = Queue });
        if (clocked)
        {
            var domain = new ClockDomain(sim, CyclePs, 0, "clk");
            _counters = new Counter[components];
            for (int k = 0; k < components; k++)
            {
                _counters[k] = new Counter(cycles);
                domain.Register(_counters[k]);
            }
        }
        else
        {
            var edge = new Signal(sim, "edge");
            sim.Process(Clock(sim, edge), "clock");
            for (int k = 0; k < components; k++)
            {
                sim.Process(Component(edge), "component");
            }
        }

        return sim;
    }

    public override long Wakeups
    {
        get
        {
            if (!clocked)
            {
                return _wakeups;
            }

            long total = 0;
            foreach (var c in _counters)
            {
                total += c.Activations;
            }

            return total;
        }
    }

    private IEnumerable<Wait> Clock(Simulation sim, Signal edge)
    {
        for (int c = 0; c < cycles; c++)
        {
            yield return sim.Timeout(CyclePs);
            _wakeups++;
            edge.Fire();
        }
    }

    private IEnumerable<Wait> Component(Signal edge)
    {
        while (true)
        {
            yield return edge;
            _wakeups++;
        }
    }

    private sealed class Counter(int cycles) : IClocked
    {
        public long Activations;

        public bool Tick(long cycle)
        {
            Activations++;
            return cycle + 1 < cycles;
        }
    }
}
