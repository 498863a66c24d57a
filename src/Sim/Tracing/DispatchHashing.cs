using System.Runtime.CompilerServices;

namespace Engram.Sim.Tracing;

/// <summary>
/// The running hash of dispatched (tick, sequence, id). Any change in order, timing or identity of a
/// dispatch changes it, so two runs with equal hashes dispatched the same sequence.
/// </summary>
internal static class DispatchHashing
{
    public const ulong Seed = 0xCBF29CE484222325UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong hash, long tick, long sequence, long id)
    {
        hash = (hash ^ (ulong)tick) * 0x100000001B3UL;
        hash = (hash ^ (ulong)sequence) * 0x9E3779B97F4A7C15UL;
        hash = (hash ^ (ulong)id) * 0x100000001B3UL;
        return hash ^ (hash >> 29);
    }
}
