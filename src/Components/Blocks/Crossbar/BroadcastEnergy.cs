using System.Runtime.Intrinsics;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// A read of a few columns with word lines broadcast to the whole layer: the arrays that hold no selected
/// column are driven and conduct, but nothing of theirs is converted. Their energy depends only on V_i² per
/// row, which for ±1 states never changes, so it is cached per input plane and charged as one aggregate per
/// layer (<c>L{l}/broadcast/...</c>) instead of per array and read.
/// </summary>
internal sealed class BroadcastEnergy(int planes, int inputs)
{
    private readonly double[][] _squares = [.. Enumerable.Range(0, planes).Select(_ => new double[inputs])];
    private readonly bool[] _valid = new bool[planes];
    private readonly Totals[] _totals = new Totals[planes];
    // Per plane, each macro's share by column block, then row block: an update subtracts one column block's, contiguously.
    private readonly Totals[][,] _perMacro = new Totals[planes][,];
    // Per plane, the version of the row blocks' drives when the cached squares last matched the plane (see Outside).
    private readonly long[] _drivesVersion = new long[planes];

    public readonly record struct Totals(double PowerW, long ActiveDrives, long Drives, long ConductingCells);

    /// <summary>
    /// What the arrays outside the selected column blocks draw for plane <paramref name="planeIndex"/>.
    /// <paramref name="drivesVersion"/> is the <see cref="RowBlockDrives.Version"/> of the plane's row-block drives, just
    /// asked for every row block with <paramref name="plane"/>: while it is the version the squares last matched at,
    /// the plane is bit for bit the one they matched, and it is not compared again (an asynchronous update changes
    /// one input only every so often, and comparing every input on every update was a large part of it).
    /// </summary>
    public Totals Outside(Layer layer, int planeIndex, double[] plane, ReadOnlySpan<int> selectedColBlocks, long drivesVersion)
    {
        bool unchanged = _valid[planeIndex] && _drivesVersion[planeIndex] == drivesVersion;
        if (!unchanged && !Matches(planeIndex, plane))
        {
            Refresh(layer, planeIndex, plane);
        }

        _drivesVersion[planeIndex] = drivesVersion;

        var total = _totals[planeIndex];
        double powerW = total.PowerW;
        long activeDrives = total.ActiveDrives, drives = total.Drives, cells = total.ConductingCells;
        foreach (int cb in selectedColBlocks)
        {
            for (int rb = 0; rb < layer.RowBlocks; rb++)
            {
                var held = _perMacro[planeIndex][cb, rb];
                powerW -= held.PowerW;
                activeDrives -= held.ActiveDrives;
                drives -= held.Drives;
                cells -= held.ConductingCells;
            }
        }

        return new Totals(powerW, activeDrives, drives, cells);
    }

    /// <summary>Programming changes conductances: every cached power is stale.</summary>
    public void Invalidate() => Array.Clear(_valid);

    private bool Matches(int planeIndex, double[] plane)
    {
        if (!_valid[planeIndex])
        {
            return false;
        }

        // Compared four lanes at a time: an asynchronous update asks once per update, over every input.
        var squares = _squares[planeIndex].AsSpan();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 4 <= plane.Length; i += 4)
            {
                var p = Vector256.Create(plane.AsSpan(i, 4));
                if (!Vector256.EqualsAll(p * p, Vector256.Create(squares.Slice(i, 4))))
                {
                    return false;
                }
            }
        }

        for (; i < plane.Length; i++)
        {
            if (plane[i] * plane[i] != squares[i])
            {
                return false;
            }
        }

        return true;
    }

    private void Refresh(Layer layer, int planeIndex, double[] plane)
    {
        var squares = _squares[planeIndex];
        for (int i = 0; i < plane.Length; i++)
        {
            squares[i] = plane[i] * plane[i];
        }

        var perMacro = new Totals[layer.ColBlocks, layer.RowBlocks];
        Totals total = default;
        foreach (var macro in layer.Macros())
        {
            layer.Drive(macro, plane);
            var crossbar = macro.Crossbar;
            double power = crossbar.DriveOnly();
            long active = (long)crossbar.ActiveRows * crossbar.Arrays.Count;
            long drives = (long)crossbar.Rows * crossbar.Arrays.Count;
            long cells = crossbar.ActiveRows * crossbar.CellColumns(crossbar.Cols);
            perMacro[crossbar.BlockCol, crossbar.BlockRow] = new Totals(power, active, drives, cells);
            total = new Totals(total.PowerW + power, total.ActiveDrives + active, total.Drives + drives, total.ConductingCells + cells);
        }

        _perMacro[planeIndex] = perMacro;
        _totals[planeIndex] = total;
        _valid[planeIndex] = true;
    }
}
