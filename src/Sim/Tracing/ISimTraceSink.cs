namespace Engram.Sim.Tracing;

/// <summary>
/// Receives the kernel's own records. The kernel calls it only when one is attached
/// (<see cref="Core.Simulation.TraceSink"/>), so an unattached hook costs one null check.
/// </summary>
public interface ISimTraceSink
{
    /// <summary>Something was put on the queue for <paramref name="tick"/>.</summary>
    void OnSchedule(long tick, long sequence, SimTraceKind kind, long id);

    /// <summary>A queue entry is dispatched at <paramref name="tick"/>.</summary>
    void OnDispatch(long tick, long sequence, SimTraceKind kind, long id);

    /// <summary>A process body starts running (from the queue or from an event it waited on).</summary>
    void OnResume(long tick, long processId);
}
