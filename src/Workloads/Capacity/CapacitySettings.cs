namespace Engram.Workloads.Capacity;

/// <summary>
/// One capacity sweep (the He et al. protocol; docs/associative-memory.md): for every fault rate and every grid P, a fresh subset of P distinct pool
/// patterns is learnt, then recalled from <see cref="Trials"/> independent corrupted cues per pattern.
/// </summary>
public sealed record CapacitySettings
{
    public required int Neurons { get; init; }

    public PatternSource Source { get; init; } = PatternSource.Random;

    public bool Continuous { get; init; }

    /// <summary>Pattern counts P, ascending and distinct; see <see cref="DefaultGrid"/>.</summary>
    public required IReadOnlyList<int> Grid { get; init; }

    public IReadOnlyList<double> FaultRates { get; init; } = [0.0];

    public int Trials { get; init; } = 20;

    /// <summary>Bit-flip probability c of binary cues (0.05 in the He et al. script, 0.1 in their notebook).</summary>
    public double CueFlip { get; init; } = 0.05;

    /// <summary>σ of the Gaussian noise added to continuous cues (clamped to [−1, 1]).</summary>
    public double CueSigma { get; init; } = 0.6;

    /// <summary>Conductance variation σ_v, re-drawn per trial through <c>WithVariation</c>; 0 = none.</summary>
    public double Variation { get; init; }

    /// <summary>Recall iterations K (102 classical, 100 trained); recall stops earlier at a fixed point.</summary>
    public int MaxIterations { get; init; } = 102;

    /// <summary>Random pool size for <see cref="PatternSource.Random"/> (10000 in the He et al. script).</summary>
    public int RandomPoolSize { get; init; } = 10000;

    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// Which independent draw of pattern subsets, learner streams and cues this run uses (<see cref="CapacityStreams"/>);
    /// 0, the default, is the He et al. protocol's single draw. <see cref="SubsetReplicates"/> runs several.
    /// </summary>
    public int SubsetDraw { get; init; }

    /// <summary>Worker threads; results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Folder holding the digit data sets (data/ of the repository).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>P = step, 2·step, …, up to 2N with step = max(1, N / 16).</summary>
    public static int[] DefaultGrid(int n)
    {
        int step = Math.Max(1, n / 16);
        return [.. Enumerable.Range(1, 2 * n / step).Select(k => k * step)];
    }

    public void Validate()
    {
        if (Neurons < 2)
        {
            throw new ArgumentException($"N must be at least 2, not {Neurons}");
        }

        if (Grid.Count == 0 || Grid[0] < 1 || Grid.Zip(Grid.Skip(1)).Any(g => g.Second <= g.First))
        {
            throw new ArgumentException("the pattern grid must be non-empty, positive and strictly ascending");
        }

        if (FaultRates.Count == 0 || FaultRates.Any(f => !(f is >= 0 and < 1)))
        {
            throw new ArgumentException("fault rates must be in [0, 1)");
        }

        if (FaultRates.Distinct().Count() != FaultRates.Count)
        {
            throw new ArgumentException("fault rates must be distinct");
        }

        if (Trials < 1)
        {
            throw new ArgumentException("trials must be at least 1");
        }

        if (!(CueFlip is >= 0 and <= 1))
        {
            throw new ArgumentException("cue flip probability must be in [0, 1]");
        }

        if (!(CueSigma >= 0) || !(Variation >= 0) || double.IsInfinity(CueSigma) || double.IsInfinity(Variation))
        {
            throw new ArgumentException("cue σ and variation σ must be finite and ≥ 0");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException("recall needs at least one iteration");
        }

        if (SubsetDraw < 0)
        {
            throw new ArgumentException("the subset draw must be ≥ 0");
        }

        if (Threads < 1)
        {
            throw new ArgumentException("threads must be at least 1");
        }
    }
}
