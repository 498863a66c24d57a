namespace Engram.Sim.Core;

/// <summary>
/// Dispatch priorities within one tick: lower values go first; equal values go in scheduling order.
/// Any int in [-32768, 32767] is allowed; these names cover the usual cases.
/// </summary>
public static class Priority
{
    /// <summary>Interrupts and anything that must precede ordinary work at the same tick.</summary>
    public const int Urgent = -1;

    public const int Normal = 0;

    /// <summary>Work that should observe everything else of its tick first (e.g. monitors).</summary>
    public const int Late = 1;
}
