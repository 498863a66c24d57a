namespace Engram.Models.Patterns;

/// <summary>Corrupted recall cues (hnn.md §4): independent bit flips with probability c for binary patterns.</summary>
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
}
