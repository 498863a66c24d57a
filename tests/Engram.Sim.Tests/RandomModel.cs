using Engram.Sim.Clocking;
using Engram.Sim.Core;
using Engram.Sim.Random;
using Engram.Sim.Resources;

namespace Engram.Sim.Tests;

/// <summary>
/// A model that exercises every kernel feature at random (delays from 0 to beyond any wheel window,
/// three priorities, events, signals, resources, interrupts, conditions, stores, a clock domain with
/// sleeping blocks), logging what happens when. All its randomness comes from named streams.
/// </summary>
public sealed class RandomModel
{
    private static readonly long[] Delays = [0, 0, 1, 2, 3, 5, 8, 64, 65, 100, 1_000, 70_000, 250_000];
    private readonly Simulation _sim;
    private readonly List<string> _log = [];
    private readonly Process[] _processes;
    private readonly Event[] _events;
    private readonly Signal _edge;
    private readonly Resource _adcs;
    private readonly PriorityResource _bus;
    private readonly Store<int> _fifo;
    private readonly ClockedHandle[] _blocks;

    public RandomModel(SimulationOptions options, int processes = 40, int steps = 150)
    {
        _sim = new Simulation(options);
        _edge = new Signal(_sim, "edge");
        _adcs = new Resource(_sim, 2, "adcs");
        _bus = new PriorityResource(_sim, 1, "bus");
        _fifo = new Store<int>(_sim, 3, "fifo");
        _events = new Event[64];
        for (int i = 0; i < _events.Length; i++)
        {
            _events[i] = _sim.Event();
        }

        var clk = new ClockDomain(_sim, 7, 3, "clk");
        _blocks = new ClockedHandle[4];
        for (int i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = clk.Register(new Block(this, i, _sim.Random.Stream("block", i)), awake: i % 2 == 0);
        }

        _sim.Process(Clock(), "clock");
        _sim.Process(Trigger(_sim.Random.Stream("trigger")), "trigger");
        _processes = new Process[processes];
        for (int i = 0; i < processes; i++)
        {
            _processes[i] = _sim.Process(Worker(i, steps, _sim.Random.Stream("worker", i)), $"w{i}");
        }
    }

    public Simulation Simulation => _sim;

    public IReadOnlyList<string> Log => _log;

    public RandomModel Run()
    {
        _sim.Run();
        return this;
    }

    private void Note(string what) => _log.Add($"{_sim.Now}:{_sim.ActiveProcess?.Name ?? "-"}:{what}");

    private IEnumerable<Wait> Clock()
    {
        // Runs while any worker lives, so nobody waits on the edge forever.
        while (Array.Exists(_processes, p => p.IsAlive))
        {
            yield return _sim.Timeout(13);
            _edge.Fire();
        }
    }

    private IEnumerable<Wait> Trigger(RandomStream rng)
    {
        foreach (var e in _events)
        {
            yield return _sim.Timeout(Delays[rng.NextInt(Delays.Length)]);
            e.Succeed(rng.NextInt(1000));
            Note("trigger");
        }
    }

    private IEnumerable<Wait> Worker(int id, int steps, RandomStream rng)
    {
        for (int s = 0; s < steps; s++)
        {
            int action = rng.NextInt(9);
            switch (action)
            {
                case 0:
                case 1:
                    yield return _sim.Timeout(Delays[rng.NextInt(Delays.Length)], rng.NextInt(3) - 1);
                    Note($"timeout int={_sim.ActiveProcess!.IsInterrupted}");
                    break;
                case 2:
                    var e = _events[rng.NextInt(_events.Length)];
                    yield return e;
                    Note($"event {e.Id} processed={e.IsProcessed}");
                    break;
                case 3:
                    yield return _edge;
                    Note("edge");
                    break;
                case 4:
                    using (var unit = _adcs.Request())
                    {
                        yield return unit;
                        Note($"adc granted={unit.IsGranted}");
                        yield return _sim.Timeout(Delays[rng.NextInt(6)]);
                    }

                    break;
                case 5:
                    using (var unit = _bus.Request(rng.NextInt(3)))
                    {
                        yield return unit;
                        Note($"bus granted={unit.IsGranted}");
                        yield return _sim.Timeout(1 + rng.NextInt(4));
                    }

                    break;
                case 6:
                    var victim = _processes[rng.NextInt(_processes.Length)];
                    if (victim.IsAlive && !ReferenceEquals(victim, _sim.ActiveProcess))
                    {
                        try
                        {
                            victim.Interrupt(id);
                            Note($"interrupt {victim.Name}");
                        }
                        catch (InvalidOperationException)
                        {
                            Note($"interrupt {victim.Name} refused");
                        }
                    }

                    yield return _sim.Timeout(1);
                    break;
                case 7:
                    var any = _sim.TimeoutEvent(Delays[rng.NextInt(Delays.Length)]) | _events[rng.NextInt(_events.Length)];
                    yield return any;
                    Note($"any ok={any.IsOk}");
                    break;
                default:
                    // Bounded waits on the FIFO, withdrawn on timeout, so nobody blocks forever.
                    if (rng.NextBool(0.5))
                    {
                        var put = _fifo.Put(id);
                        yield return put | _sim.TimeoutEvent(Delays[rng.NextInt(8)]);
                        put.Cancel();
                        Note($"put ok={put.IsTriggered}");
                    }
                    else
                    {
                        var get = _fifo.Get();
                        yield return get | _sim.TimeoutEvent(Delays[rng.NextInt(8)]);
                        get.Cancel();
                        Note($"get {(get.IsTriggered ? get.Item : -1)}");
                    }

                    _blocks[rng.NextInt(_blocks.Length)].Wake();
                    break;
            }
        }
    }

    private sealed class Block(RandomModel model, int index, RandomStream rng) : IClocked
    {
        public bool Tick(long cycle)
        {
            model.Note($"block{index} c{cycle}");
            return rng.NextBool(0.7);
        }
    }
}
