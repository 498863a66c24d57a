using Engram.Components.Ledger;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Training;

/// <summary>The digital unit's actions: <paramref name="ops"/> operations and buffer words, on its clock, on <see cref="DigitalUnit.Lanes"/> lanes.</summary>
public sealed class DigitalActions
{
    private readonly DigitalUnit _unit;
    private readonly BlockSite _site;
    private readonly EnergyLedger _ledger;
    private readonly int _component, _op, _bufferAccess;

    public DigitalActions(DigitalUnit unit, BlockSite site)
    {
        _unit = unit;
        _site = site;
        _ledger = site.Ledger;
        _component = _ledger.Component(BlockKinds.DigitalUnit);
        _op = _ledger.Action("op");
        _bufferAccess = _ledger.Action("buffer_access");
    }

    public IEnumerable<Wait> Run(long ops, long bufferWords = 0)
    {
        if (ops == 0 && bufferWords == 0)
        {
            yield break;
        }

        long edge = _site.ToEdge();
        if (edge > 0)
        {
            yield return _site.Sim.Timeout(edge);
        }

        long durationPs = _site.Ticks(checked((int)_unit.Cycles(ops + bufferWords)));
        long now = _site.Sim.Now;
        if (ops > 0)
        {
            _ledger.Charge(_component, _op, ops, ops * _unit.OpEnergyJ, now, durationPs);
        }

        if (bufferWords > 0)
        {
            _ledger.Charge(_component, _bufferAccess, bufferWords, bufferWords * _unit.BufferEnergyJ, now, durationPs);
        }

        if (durationPs > 0)
        {
            yield return _site.Sim.Timeout(durationPs);
        }
    }
}
