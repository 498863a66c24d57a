using Engram.Sim.Core;

namespace Engram.Bench.Kernel;

/// <summary>
/// A benchmark model of docs/kernel.md: <see cref="Build"/> sets up a fresh simulation and
/// <see cref="Wakeups"/> counts completed waits so far (the model increments it after every yield).
/// </summary>
public abstract class KernelModel
{
    public abstract string Model { get; }

    public abstract string Params { get; }

    /// <summary>The kernel's future-event set for this measurement.</summary>
    public EventQueueKind Queue { get; set; } = EventQueueKind.Wheel;

    /// <summary>Params plus the queue, when it is not the kernel's default.</summary>
    public string Label => Queue == new SimulationOptions().Queue ? Params : $"{Params},queue={Queue.ToString().ToLowerInvariant()}";

    public abstract Simulation Build();

    public abstract long Wakeups { get; }
}
