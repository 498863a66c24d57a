using Engram.Models.Devices;

namespace Engram.Models.Networks;

/// <summary>
/// One uniform draw per crossbar cell per layer, made once from a fixed stream; a cell is stuck at rate p
/// when its draw is ≤ p, so fault maps at lower rates are subsets of those at higher ones (as the He et al. code's <c>generate_mask</c>).
/// Layer 0 is the single-layer N×N matrix (or the multilayer encoder), layer 1 the decoder, and so on.
/// Not thread-safe: give each worker its own (the draws come from the stream, so equal streams give equal maps).
/// </summary>
public sealed class FaultDraws
{
    private readonly Random? _rng;
    private readonly Dictionary<(int Layer, int Rows, int Cols), double[]> _draws = [];

    /// <param name="rng">The fault stream; null for a fault-free memory (no cell is ever stuck).</param>
    public FaultDraws(Random? rng) => _rng = rng;

    private readonly IReadOnlyList<bool[]>? _fixed;

    private FaultDraws(IReadOnlyList<bool[]> maps)
    {
        _rng = null;
        _fixed = maps;
    }

    /// <summary>No faults at any rate.</summary>
    public static FaultDraws None { get; } = new((Random?)null);

    /// <summary>
    /// A chip's own fault maps, one row-major map per layer, whatever the rate asked for: a learner that trains
    /// around a real chip's stuck devices sees exactly those.
    /// </summary>
    public static FaultDraws Fixed(IReadOnlyList<bool[]> maps) => new(maps);

    /// <summary>Row-major stuck flags of layer <paramref name="layer"/> (rows × cols) at <paramref name="rate"/>.</summary>
    public bool[] Stuck(int layer, int rows, int cols, double rate)
    {
        if (_fixed is not null)
        {
            return _fixed[layer].Length == rows * cols ? (bool[])_fixed[layer].Clone() : throw new ArgumentException($"layer {layer}'s fixed fault map has {_fixed[layer].Length} cells, asked for {rows}×{cols}");
        }

        var stuck = new bool[rows * cols];
        if (_rng is null || rate <= 0)
        {
            return stuck;
        }

        var u = Draws(_rng, layer, rows, cols);
        for (int i = 0; i < u.Length; i++)
        {
            stuck[i] = FaultMap.IsStuckAt(u[i], rate);
        }

        return stuck;
    }

    // Draws are made lazily per layer shape, in the order layers are first asked for; callers ask in layer order.
    private double[] Draws(Random rng, int layer, int rows, int cols)
    {
        if (!_draws.TryGetValue((layer, rows, cols), out var u))
        {
            u = new double[rows * cols];
            for (int i = 0; i < u.Length; i++)
            {
                u[i] = rng.NextDouble();
            }

            _draws.Add((layer, rows, cols), u);
        }

        return u;
    }
}
