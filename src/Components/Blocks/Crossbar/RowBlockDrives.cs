using System.Runtime.InteropServices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The word lines of a layer's row blocks for one input plane, kept from read to read. Every macro of a row block is
/// driven with the same voltages, so a read of a few columns drives and analyses them once per row block, not once
/// per macro, and again only when that block's inputs changed: an asynchronous update changes one input, so at most
/// one row block is driven anew. Inputs are compared bit for bit, so a kept drive holds exactly the voltages driving
/// would give.
/// </summary>
internal sealed class RowBlockDrives
{
    private readonly Layer _layer;
    private readonly WordLineDrive[] _drives;
    private readonly int[] _rowStarts;
    private readonly bool[] _valid;
    // The plane the kept drives were driven from.
    private readonly double[] _drivenPlane;

    public RowBlockDrives(Layer layer)
    {
        _layer = layer;
        _drives = [.. Enumerable.Range(0, layer.RowBlocks).Select(rb => new WordLineDrive(layer.Macro(rb, 0).Crossbar.Rows))];
        _rowStarts = [.. Enumerable.Range(0, layer.RowBlocks).Select(rb => layer.Macro(rb, 0).Crossbar.RowStart)];
        _valid = new bool[layer.RowBlocks];
        _drivenPlane = new double[layer.Inputs];
    }

    /// <summary>
    /// Changes whenever a kept drive is driven anew: while it stays the same, the inputs every row block was last asked
    /// for are the same bits (a caller that asked for every row block with one plane knows that plane has not changed).
    /// </summary>
    public long Version { get; private set; }

    /// <summary>The analysed word lines of row block <paramref name="rowBlock"/> for <paramref name="plane"/> (the layer's inputs).</summary>
    public WordLineDrive For(int rowBlock, ReadOnlySpan<double> plane)
    {
        var drive = _drives[rowBlock];
        int start = _rowStarts[rowBlock];
        int count = Math.Clamp(_layer.Inputs - start, 0, drive.VoltagesV.Length);
        var inputs = plane.Slice(start, count);
        var held = _drivenPlane.AsSpan(start, count);
        if (_valid[rowBlock] && MemoryMarshal.Cast<double, long>(inputs).SequenceEqual(MemoryMarshal.Cast<double, long>(held)))
        {
            return drive;
        }

        inputs.CopyTo(held);
        _layer.Drive(start, plane, drive.VoltagesV);
        drive.Analyse();
        _valid[rowBlock] = true;
        Version++;
        return drive;
    }

    /// <summary>Forgets every kept drive.</summary>
    public void Invalidate() => Array.Clear(_valid);
}
