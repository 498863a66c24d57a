using Engram.Components.Blocks.Crossbar;
using Engram.Models.Devices;

namespace Engram.Components.Blocks.Programming;

/// <summary>
/// Draws the device bounds of macro m + 1's arrays on the thread pool while macro m is programmed, into one of two
/// reused sets, so set-to-target programming does not wait for the draws a sampled-on-demand array makes per write.
/// The bounds depend only on each array's own stream, so where and when they are drawn changes nothing.
/// </summary>
internal sealed class BoundsAhead
{
    private readonly IReadOnlyList<Macro> _macros;
    private readonly DeviceBounds[][] _sets;
    private Task? _pending;

    public BoundsAhead(IReadOnlyList<Macro> macros)
    {
        _macros = macros;
        var arrays = macros[0].Crossbar.Arrays;
        _sets = [[.. arrays.Select(a => new DeviceBounds(a.CellCount))], [.. arrays.Select(a => new DeviceBounds(a.CellCount))]];
        _pending = Draw(0);
    }

    /// <summary>Macro <paramref name="m"/>'s bounds (asked for in order, m = 0, 1, …); starts drawing m + 1's.</summary>
    public DeviceBounds[] Take(int m)
    {
        _pending!.GetAwaiter().GetResult();
        _pending = m + 1 < _macros.Count ? Draw(m + 1) : null;
        return _sets[m % 2];
    }

    private Task Draw(int m)
    {
        var arrays = _macros[m].Crossbar.Arrays;
        var set = _sets[m % 2];
        return Task.Run(() => Parallel.For(0, arrays.Count, k => arrays[k].DrawBounds(set[k])));
    }
}
