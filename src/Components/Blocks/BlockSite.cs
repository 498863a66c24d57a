using Engram.Components.Ledger;
using Engram.Sim.Clocking;
using Engram.Sim.Core;

namespace Engram.Components.Blocks;

/// <summary>
/// Where a block runs: the chip's simulation, its ledger, and the block's clock domain. Actions start on an
/// edge of that domain and last whole cycles of it.
/// </summary>
public sealed class BlockSite(Simulation sim, EnergyLedger ledger, ClockDomain clock)
{
    public Simulation Sim { get; } = sim;

    public EnergyLedger Ledger { get; } = ledger;

    public ClockDomain Clock { get; } = clock;

    public long Ticks(int cycles) => Clock.CyclesToTicks(cycles);

    /// <summary>Ticks from now to this domain's next edge (0 when on one: then nothing is scheduled).</summary>
    public long ToEdge() => Clock.NextEdge(Sim.Now) - Sim.Now;
}
