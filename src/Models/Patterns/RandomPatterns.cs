namespace Engram.Models.Patterns;

/// <summary>Random pattern sets (the He et al. random pools): i.i.d. ±1 for binary memories, U(−1, 1) for continuous ones.</summary>
public static class RandomPatterns
{
    public static double[][] Binary(int count, int n, Random rng)
    {
        var patterns = new double[count][];
        for (int p = 0; p < count; p++)
        {
            patterns[p] = new double[n];
            for (int i = 0; i < n; i++)
            {
                patterns[p][i] = rng.NextDouble() < 0.5 ? -1 : 1;
            }
        }

        return patterns;
    }

    public static double[][] Continuous(int count, int n, Random rng)
    {
        var patterns = new double[count][];
        for (int p = 0; p < count; p++)
        {
            patterns[p] = new double[n];
            for (int i = 0; i < n; i++)
            {
                patterns[p][i] = (2 * rng.NextDouble()) - 1;
            }
        }

        return patterns;
    }
}
