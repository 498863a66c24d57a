namespace Engram.Models.Learning;

/// <summary>
/// The trainable cells of a masked weight matrix packed contiguously, so the optimizer steps only them. A frozen
/// cell's gradient is always 0, so its moments stay 0 and its step is exactly 0: stepping the packed subset
/// gives bit-identical weights while skipping the frozen half of the square roots and divisions at a stuck rate of 0.5.
/// </summary>
internal sealed class TrainableSubset
{
    private readonly int[] _index;

    public TrainableSubset(ReadOnlySpan<double> trainable)
    {
        var index = new List<int>(trainable.Length);
        for (int k = 0; k < trainable.Length; k++)
        {
            if (trainable[k] != 0)
            {
                index.Add(k);
            }
        }

        _index = [.. index];
        Values = new double[_index.Length];
        Gradient = new double[_index.Length];
    }

    /// <summary>Where each packed cell sits in the full matrix, ascending.</summary>
    public ReadOnlySpan<int> Index => _index;

    /// <summary>The packed weights the optimizer updates.</summary>
    public double[] Values { get; }

    /// <summary>The packed gradient the optimizer reads.</summary>
    public double[] Gradient { get; }

    /// <summary>Packs the trainable cells of <paramref name="weights"/> into <see cref="Values"/>.</summary>
    public void Load(ReadOnlySpan<double> weights)
    {
        for (int t = 0; t < _index.Length; t++)
        {
            Values[t] = weights[_index[t]];
        }
    }

    /// <summary>Packs the trainable cells of <paramref name="gradient"/> into <see cref="Gradient"/>.</summary>
    public void LoadGradient(ReadOnlySpan<double> gradient)
    {
        for (int t = 0; t < _index.Length; t++)
        {
            Gradient[t] = gradient[_index[t]];
        }
    }

    /// <summary>Writes <see cref="Values"/> back into the trainable cells of <paramref name="weights"/>.</summary>
    public void Store(Span<double> weights)
    {
        for (int t = 0; t < _index.Length; t++)
        {
            weights[_index[t]] = Values[t];
        }
    }
}
