using System.Runtime.CompilerServices;
using Engram.Sim.Resources;

namespace Engram.Sim.Core;

internal enum WaitKind : byte
{
    None = 0,
    Delay,
    Event,
    Signal,
    Resource,
}

/// <summary>
/// What a process yields: a delay, an event, a signal or a resource request. A readonly struct, so
/// <c>yield return sim.Timeout(3);</c> allocates nothing; events, signals and requests convert to it
/// implicitly, so every wait reads the same in process code.
/// </summary>
public readonly struct Wait
{
    internal readonly object? Target;
    internal readonly long Argument;
    internal readonly int Priority;
    internal readonly WaitKind Kind;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Wait(WaitKind kind, object? target, long argument, int priority)
    {
        Kind = kind;
        Target = target;
        Argument = argument;
        Priority = priority;
    }

    public static implicit operator Wait(Event e) =>
        new(WaitKind.Event, e ?? throw new ArgumentNullException(nameof(e)), 0, 0);

    public static implicit operator Wait(Signal s) =>
        new(WaitKind.Signal, s ?? throw new ArgumentNullException(nameof(s)), 0, 0);

    public override string ToString() => Kind switch
    {
        WaitKind.Delay => $"Timeout({Argument})",
        WaitKind.Event => $"Event({Target})",
        WaitKind.Signal => $"Signal({Target})",
        WaitKind.Resource => $"Request({Target})",
        _ => "default(Wait)",
    };
}
