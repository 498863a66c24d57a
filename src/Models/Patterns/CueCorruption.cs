using Engram.Models.Devices;

namespace Engram.Models.Patterns;

/// <summary>
/// Corrupted recall cues, as in the He et al. protocol: independent bit flips with probability c for binary patterns, additive
/// Gaussian noise clamped to [−1, 1] for continuous ones. The span forms write into a caller's buffer, for
/// loops that corrupt many cues.
/// </summary>
public static class CueCorruption
{
    public static double[] FlipBits(ReadOnlySpan<double> pattern, double flipProbability, Random rng)
    {
        var cue = new double[pattern.Length];
        FlipBits(pattern, flipProbability, rng, cue);
        return cue;
    }

    public static void FlipBits(ReadOnlySpan<double> pattern, double flipProbability, Random rng, Span<double> cue)
    {
        if (!(flipProbability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(flipProbability), flipProbability, "flip probability must be in [0, 1]");
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            cue[i] = rng.NextDouble() < flipProbability ? -pattern[i] : pattern[i];
        }
    }

    /// <summary>x + σ·N(0, 1) per element, clamped to [−1, 1] (σ = 0.6 in the He et al. code).</summary>
    public static double[] Gaussian(ReadOnlySpan<double> pattern, double sigma, Random rng)
    {
        var cue = new double[pattern.Length];
        Gaussian(pattern, sigma, rng, cue);
        return cue;
    }

    public static void Gaussian(ReadOnlySpan<double> pattern, double sigma, Random rng, Span<double> cue)
    {
        if (!(sigma >= 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "noise σ must be finite and ≥ 0");
        }

        for (int i = 0; i < pattern.Length; i++)
        {
            cue[i] = Math.Clamp(pattern[i] + (sigma * StandardNormal.Sample(rng)), -1, 1);
        }
    }
}
