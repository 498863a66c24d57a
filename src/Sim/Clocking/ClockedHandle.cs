using Engram.Sim.Core;
using Engram.Sim.Resources;

namespace Engram.Sim.Clocking;

/// <summary>A block's registration with its clock domain: wake it, put it to sleep, read its activity.</summary>
public sealed class ClockedHandle : IEventWaiter, IWakeable
{
    internal ClockedHandle(ClockDomain domain, IClocked block, int index)
    {
        Domain = domain;
        Block = block;
        Index = index;
    }

    public ClockDomain Domain { get; }

    public IClocked Block { get; }

    /// <summary>Registration order: the order blocks are ticked in within a cycle.</summary>
    public int Index { get; }

    /// <summary>Awake now, or woken and waiting for its next edge.</summary>
    public bool IsAwake => Active || PendingWake;

    /// <summary>Cycles in which the block was ticked.</summary>
    public long TickedCycles { get; internal set; }

    /// <summary>The last cycle the block was ticked in, or -1.</summary>
    public long LastTickedCycle { get; internal set; } = -1;

    internal bool Active { get; set; }

    internal bool PendingWake { get; set; }

    internal bool SleepRequested { get; set; }

    /// <summary>Ticks the block from the next edge not yet dispatched on.</summary>
    public void Wake() => Domain.Wake(this);

    /// <summary>Stops ticking the block after the current cycle (or at once, between cycles).</summary>
    public void Sleep() => Domain.Sleep(this);

    /// <summary>Wakes the block when <paramref name="e"/> is processed.</summary>
    public void WakeOn(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.IsProcessed)
        {
            Wake();
        }
        else
        {
            e.AddWaiter(this);
        }
    }

    /// <summary>Wakes the block at the next <see cref="Signal.Fire"/>.</summary>
    public void WakeOn(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        signal.AddWaiter(this);
    }

    void IEventWaiter.OnEventProcessed(Event e) => Wake();
}
