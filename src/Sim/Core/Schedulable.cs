using Engram.Sim.Tracing;

namespace Engram.Sim.Core;

/// <summary>
/// Anything the kernel can put on the queue: events, processes, clock domains. The queue holds only
/// the slot index; <see cref="ScheduledSequence"/> tells a live entry from a stale one (a process
/// that was interrupted while it waited on a timeout leaves its old entry behind).
/// </summary>
public abstract class Schedulable
{
    internal int Slot = -1;
    internal long ScheduledSequence = -1;

    /// <summary>What a dispatch of this object is, for traces and counters.</summary>
    internal SimTraceKind Kind;

    /// <summary>Keeps its slot between dispatches (a live process, a clock domain).</summary>
    internal bool Resident;

    private protected Schedulable(Simulation simulation, SimTraceKind kind, bool resident)
    {
        Kind = kind;
        Resident = resident;
        Simulation = simulation ?? throw new ArgumentNullException(nameof(simulation));
        Id = simulation.NextId();
    }

    /// <summary>Creation-order id, unique within one simulation (used by traces and the dispatch hash).</summary>
    public long Id { get; private protected set; }

    public Simulation Simulation { get; }

    internal abstract void Dispatch();
}
