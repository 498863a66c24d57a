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
/// <remarks>
/// Two words: what is waited on, and a number (the delay, or the request's token). A delay's target is
/// a shared marker that carries its priority, so the kind follows from the target's type and the whole
/// struct comes back from the iterator's <c>Current</c> in two registers, with no copy through memory.
/// </remarks>
public readonly struct Wait
{
    internal readonly object? Target;
    internal readonly long Argument;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Wait(object target, long argument)
    {
        Target = target;
        Argument = argument;
    }

    /// <summary>What the wait is on; <see cref="WaitKind.None"/> for <c>default(Wait)</c>.</summary>
    internal WaitKind Kind => Target switch
    {
        null => WaitKind.None,
        Signal => WaitKind.Signal,
        DelayMarker => WaitKind.Delay,
        Event => WaitKind.Event,
        _ => WaitKind.Resource,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Wait Delay(long ticks, int priority) =>
        new(priority == Core.Priority.Normal ? DelayMarker.Normal : DelayMarker.For(priority), ticks);

    public static implicit operator Wait(Event e) =>
        new(e ?? throw new ArgumentNullException(nameof(e)), 0);

    public static implicit operator Wait(Signal s) =>
        new(s ?? throw new ArgumentNullException(nameof(s)), 0);

    public override string ToString() => Kind switch
    {
        WaitKind.Delay => $"Timeout({Argument})",
        WaitKind.Event => $"Event({Target})",
        WaitKind.Signal => $"Signal({Target})",
        WaitKind.Resource => $"Request({Target})",
        _ => "default(Wait)",
    };
}

/// <summary>
/// The target of a delay wait: one shared, immutable instance per priority, made on first use and kept
/// for the life of the process (shared by all simulations), so a timeout allocates nothing.
/// </summary>
internal sealed class DelayMarker
{
    public static readonly DelayMarker Normal = new(Core.Priority.Normal);

    private static readonly DelayMarker?[] ByPriority = new DelayMarker?[Queues.QueueEntry.MaxPriority - Queues.QueueEntry.MinPriority + 1];

    private DelayMarker(int priority) => Priority = priority;

    public int Priority { get; }

    /// <summary>The marker of <paramref name="priority"/>; an out-of-range priority is rejected when scheduled.</summary>
    public static DelayMarker For(int priority)
    {
        uint index = (uint)(priority - Queues.QueueEntry.MinPriority);
        if (index >= (uint)ByPriority.Length)
        {
            // Never cached: Schedule throws for it before anything is dispatched.
            return new DelayMarker(priority);
        }

        // A race makes two equal markers, one of which is dropped: harmless, they are never compared.
        return ByPriority[index] ??= new DelayMarker(priority);
    }
}
