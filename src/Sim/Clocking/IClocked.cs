namespace Engram.Sim.Clocking;

/// <summary>
/// A block ticked once per cycle of its <see cref="ClockDomain"/> while awake. Cheaper than a process
/// for blocks busy every cycle; a block with nothing to do returns false and costs nothing until woken.
/// </summary>
public interface IClocked
{
    /// <summary>
    /// One cycle. <paramref name="cycle"/> is the domain's absolute cycle number, so a block that slept
    /// can catch up its own counters from it. Return true to be ticked next cycle, false to sleep.
    /// </summary>
    bool Tick(long cycle);
}

/// <summary>
/// Evaluate-then-commit ticking: in one cycle the domain calls <see cref="IClocked.Tick"/> (evaluate:
/// compute next state from current state) on every awake block, then <see cref="Commit"/> on each,
/// so no block sees another's next state within the cycle.
/// </summary>
public interface ITwoPhaseClocked : IClocked
{
    void Commit(long cycle);
}
