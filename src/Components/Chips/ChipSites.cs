using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Ledger;
using Engram.Sim.Clocking;
using Engram.Sim.Core;

namespace Engram.Components.Chips;

/// <summary>The clock domains of a chip on its simulation (<c>clocks:</c>) and the site of each block kind.</summary>
public sealed class ChipSites
{
    private readonly Dictionary<string, BlockSite> _byDomain = new(StringComparer.Ordinal);
    private readonly ClockSpec _clocks;

    public ChipSites(Simulation sim, EnergyLedger ledger, ClockSpec clocks)
    {
        _clocks = clocks;
        foreach (var (name, periodPs) in clocks.AllDomains())
        {
            _byDomain[name] = new BlockSite(sim, ledger, new ClockDomain(sim, periodPs, name: name));
        }
    }

    /// <summary>Where blocks of <paramref name="kind"/> run (kinds without a clock of their own run on the chip's).</summary>
    public BlockSite Of(string kind) => _byDomain[_clocks.DomainOf(kind)];
}
