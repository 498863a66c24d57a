namespace Engram.Models.Networks;

/// <summary>
/// One uniform draw per crossbar cell per layer, made once from a fixed stream; a cell is stuck at rate p
/// when its draw is ≤ p, so fault maps at lower rates are subsets of those at higher ones (hnn.md §3).
/// Layer 0 is the single-layer N×N matrix (or the multilayer encoder), layer 1 the decoder, and so on.
/// </summary>
public sealed class FaultDraws
{
    private readonly Random _rng;
    private readonly Dictionary<(int Layer, int Rows, int Cols), double[]> _draws = [];

    public FaultDraws(Random rng) => _rng = rng;

    /// <summary>No faults at all (every draw is 1, above any rate below 1).</summary>
    public static FaultDraws None { get; } = new(new Random(0), none: true);

    private readonly bool _none;

    private FaultDraws(Random rng, bool none)
        : this(rng) => _none = none;

    /// <summary>Row-major stuck flags of layer <paramref name="layer"/> (rows × cols) at <paramref name="rate"/>.</summary>
    public bool[] Stuck(int layer, int rows, int cols, double rate)
    {
        var stuck = new bool[rows * cols];
        if (_none || rate <= 0)
        {
            return stuck;
        }

        var u = Draws(layer, rows, cols);
        for (int i = 0; i < u.Length; i++)
        {
            stuck[i] = u[i] <= rate;
        }

        return stuck;
    }

    // Draws are made lazily per layer shape, in the order layers are first asked for; callers ask in layer order.
    private double[] Draws(int layer, int rows, int cols)
    {
        lock (_draws)
        {
            if (!_draws.TryGetValue((layer, rows, cols), out var u))
            {
                u = new double[rows * cols];
                for (int i = 0; i < u.Length; i++)
                {
                    u[i] = _rng.NextDouble();
                }

                _draws.Add((layer, rows, cols), u);
            }

            return u;
        }
    }
}
