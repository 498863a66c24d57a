using Engram.Models.Devices;

namespace Engram.Models.Patterns;

/// <summary>
/// Corrupted recall cues (hnn.md §4): independent bit flips with probability c for binary patterns, additive
/// Gaussian noise clamped to [−1, 1] for continuous ones.
/// </summary>
public static class CueCorruption
{
    public static double[] FlipBits(ReadOnlySpan<double> pattern, double flipProbability, Random rng)
    {
        if (!(flipProbability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(flipProbability), flipProbability, "flip probability must be in [0, 1]");
        }

        var cue = pattern.ToArray();
        for (int i = 0; i < cue.Length; i++)
        {
            if (rng.NextDouble() < flipProbability)
            {
                cue[i] = -cue[i];
            }
        }

        return cue;
    }

    /// <summary>x + σ·N(0, 1) per element, clamped to [−1, 1] (hnn.md §4.3: σ = 0.6 in the He et al. code).</summary>
    public static double[] Gaussian(ReadOnlySpan<double> pattern, double sigma, Random rng)
    {
        if (!(sigma >= 0) || double.IsInfinity(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "noise σ must be finite and ≥ 0");
        }

        var cue = pattern.ToArray();
        for (int i = 0; i < cue.Length; i++)
        {
            cue[i] = Math.Clamp(cue[i] + (sigma * StandardNormal.Sample(rng)), -1, 1);
        }

        return cue;
    }
}
