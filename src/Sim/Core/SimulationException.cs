namespace Engram.Sim.Core;

/// <summary>
/// An error raised while the simulation ran, with the tick and the process it happened in. Exceptions
/// thrown by process code leave <see cref="Simulation.Run()"/> wrapped in one of these.
/// </summary>
public sealed class SimulationException : Exception
{
    public SimulationException(string message, long tick, string? processName, Exception? inner = null)
        : base(Describe(message, tick, processName), inner)
    {
        Tick = tick;
        ProcessName = processName;
    }

    public long Tick { get; }

    public string? ProcessName { get; }

    private static string Describe(string message, long tick, string? processName) =>
        processName is null ? $"at tick {tick} ps: {message}" : $"at tick {tick} ps in process '{processName}': {message}";
}

/// <summary>Thrown when code reads <see cref="Event.Value"/> of an event that failed.</summary>
public sealed class EventFailedException : Exception
{
    public EventFailedException(Exception inner)
        : base($"the event failed: {inner.Message}", inner)
    {
    }
}
