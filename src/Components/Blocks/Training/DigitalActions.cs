using Engram.Sim.Core;

namespace Engram.Components.Blocks.Training;

/// <summary>The digital unit's actions: <paramref name="ops"/> operations and buffer words, on its clock, on <see cref="DigitalUnit.Lanes"/> lanes.</summary>
public sealed class DigitalActions
{
    private readonly TrainingBlocks _b;
    private readonly int _component;
    private readonly BlockSite _site;

    public DigitalActions(TrainingBlocks blocks)
    {
        _b = blocks;
        _component = blocks.Ledger.Component(BlockKinds.DigitalUnit);
        _site = blocks.Sites.Of(BlockKinds.DigitalUnit);
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

        var unit = _b.Digital;
        long durationPs = _site.Ticks(checked((int)unit.Cycles(ops + bufferWords)));
        long now = _site.Sim.Now;
        if (ops > 0)
        {
            _b.Ledger.Charge(_component, _b.Actions.Op, ops, ops * unit.OpEnergyJ, now, durationPs);
        }

        if (bufferWords > 0)
        {
            _b.Ledger.Charge(_component, _b.Actions.BufferAccess, bufferWords, bufferWords * unit.BufferEnergyJ, now, durationPs);
        }

        if (durationPs > 0)
        {
            yield return _site.Sim.Timeout(durationPs);
        }
    }
}
