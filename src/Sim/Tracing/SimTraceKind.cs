namespace Engram.Sim.Tracing;

/// <summary>What a kernel trace record is about.</summary>
public enum SimTraceKind
{
    /// <summary>An event is processed: its waiters run.</summary>
    Event = 0,

    /// <summary>A process is resumed from the queue (timeout, signal, grant, start or interrupt).</summary>
    ProcessResume = 1,

    /// <summary>A process's own event (its end) is processed.</summary>
    ProcessEnd = 2,

    /// <summary>A clock domain ticks its awake components.</summary>
    ClockEdge = 3,
}

internal static class SimTraceKinds
{
    public const int Count = 4;
}
