namespace Engram.Models.Devices;

/// <summary>
/// Nested stuck-at fault maps, as the He et al. code draws them (<c>utils.generate_mask</c>): one uniform draw u per cell, stuck when u ≤ p, so the faults at a
/// lower rate are a subset of those at a higher rate for the same draws. A second per-cell draw picks the
/// stuck kind from the card's split, a third the value of a stuck-at-random cell.
/// </summary>
public sealed class FaultMap
{
    private readonly double[] _u;
    private readonly double[] _kindDraw;
    private readonly double[] _valueDraw;

    /// <summary>Draws all cells' u first, then all kind draws, then all value draws, so the map depends only on the stream.</summary>
    public FaultMap(int cellCount, Random rng)
    {
        _u = new double[cellCount];
        _kindDraw = new double[cellCount];
        _valueDraw = new double[cellCount];
        for (int i = 0; i < cellCount; i++)
        {
            _u[i] = rng.NextDouble();
        }

        for (int i = 0; i < cellCount; i++)
        {
            _kindDraw[i] = rng.NextDouble();
        }

        for (int i = 0; i < cellCount; i++)
        {
            _valueDraw[i] = rng.NextDouble();
        }
    }

    public int CellCount => _u.Length;

    /// <summary>Stuck at rate <paramref name="rate"/>: u ≤ p, except that p = 0 never faults (u can be exactly 0).</summary>
    public bool IsStuck(int cell, double rate) => IsStuckAt(_u[cell], rate);

    /// <summary>The nesting rule for one uniform draw: stuck when u ≤ p, never at p = 0.</summary>
    public static bool IsStuckAt(double draw, double rate) => rate > 0 && draw <= rate;

    public StuckKind KindAt(int cell, double rate, StuckFaultSpec split)
    {
        if (!IsStuck(cell, rate))
        {
            return StuckKind.None;
        }

        return KindOf(_kindDraw[cell], split);
    }

    /// <summary>The kind a stuck cell with kind draw <paramref name="draw"/> takes from the card's split.</summary>
    public static StuckKind KindOf(double draw, StuckFaultSpec split)
    {
        if (draw < split.AtGminFraction)
        {
            return StuckKind.AtGmin;
        }

        return draw < split.AtGminFraction + split.AtGmaxFraction ? StuckKind.AtGmax : StuckKind.AtRandom;
    }

    /// <summary>The conductance a cell of the given kind is stuck at.</summary>
    public double StuckConductanceS(int cell, StuckKind kind, double gminS, double gmaxS) =>
        StuckConductanceOf(kind, _valueDraw[cell], gminS, gmaxS);

    /// <summary>The conductance of a cell of the given kind whose value draw is <paramref name="valueDraw"/>.</summary>
    public static double StuckConductanceOf(StuckKind kind, double valueDraw, double gminS, double gmaxS) => kind switch
    {
        StuckKind.AtGmin => gminS,
        StuckKind.AtGmax => gmaxS,
        StuckKind.AtRandom => gminS + valueDraw * (gmaxS - gminS),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "cell is not stuck"),
    };
}
