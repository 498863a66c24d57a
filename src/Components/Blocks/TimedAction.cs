using Engram.Components.Ledger;
using Engram.Sim.Core;

namespace Engram.Components.Blocks;

/// <summary>
/// One action of a block that takes whole cycles of its clock: it waits for the block's next clock edge (no
/// event when already on one), charges the ledger, then holds for its cycles.
/// </summary>
public sealed class TimedAction
{
    private readonly BlockSite? _site;
    private readonly int _action;

    // The ledger slot of the last component charged: most actions charge one component run after run.
    private LedgerSlot _slot;
    private int _slotComponent = -1;

    public TimedAction(BlockSite? site, string action, int cycles)
    {
        _site = site;
        _action = site?.Ledger.Action(action) ?? -1;
        Name = action;
        Cycles = cycles;
    }

    public string Name { get; }

    public int Cycles { get; }

    public IEnumerable<Wait> Run(int component, long count, double energyJ)
    {
        var site = _site ?? throw new InvalidOperationException($"'{Name}' has no site: the block was built for costing only");
        long edge = site.ToEdge();
        if (edge > 0)
        {
            yield return site.Sim.Timeout(edge);
        }

        long durationPs = site.Ticks(Cycles);
        if (component != _slotComponent)
        {
            _slot = default;
            _slotComponent = component;
        }

        site.Ledger.Charge(ref _slot, component, _action, count, energyJ, site.Sim.Now, durationPs);
        if (durationPs > 0)
        {
            yield return site.Sim.Timeout(durationPs);
        }
    }
}
