using Engram.Models.Patterns;
using Engram.Sim.Random;

namespace Engram.Workloads.Capacity;

/// <summary>The pool each sweep draws its pattern subsets from (docs/associative-memory.md), and where the digit files are.</summary>
public static class PatternPool
{
    /// <summary>The whole pool for <paramref name="settings"/>; random pools come from the stream "capacity/pool".</summary>
    public static double[][] Load(CapacitySettings settings, RandomStreams streams)
    {
        int n = settings.Neurons;
        switch (settings.Source)
        {
            case PatternSource.Random:
                int size = Math.Max(settings.RandomPoolSize, settings.Grid.Max());
                var rng = streams.Stream("capacity/pool").AsSystemRandom();
                return settings.Continuous ? RandomPatterns.Continuous(size, n, rng) : RandomPatterns.Binary(size, n, rng);
            case PatternSource.Digits:
                return DigitDatasets.DigitsPatterns(DataFile(settings.DataDirectory, DigitDatasets.DigitsFileName), n, settings.Continuous);
            case PatternSource.Mnist:
                return DigitDatasets.MnistPatterns(DataFile(settings.DataDirectory, DigitDatasets.MnistFileName), n, settings.Continuous);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Source, "unknown pattern source");
        }
    }

    /// <summary>
    /// <paramref name="fileName"/> in <paramref name="dataDirectory"/> when given; otherwise in ./data or in the
    /// data/ folder of the first ancestor of the executable that has one (the repository's shipped copy).
    /// </summary>
    public static string DataFile(string? dataDirectory, string fileName)
    {
        if (dataDirectory is not null)
        {
            string path = Path.Combine(dataDirectory, fileName);
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: data file not found", path);
        }

        string local = Path.Combine(Directory.GetCurrentDirectory(), "data", fileName);
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"data/{fileName} not found (pass the data folder explicitly)", fileName);
    }

    /// <summary><paramref name="count"/> distinct pool indices, by a partial Fisher–Yates shuffle.</summary>
    public static int[] DistinctIndices(int poolSize, int count, RandomStream rng)
    {
        if (count > poolSize)
        {
            throw new ArgumentException($"cannot take {count} distinct patterns from a pool of {poolSize}");
        }

        var index = Enumerable.Range(0, poolSize).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(poolSize - i);
            (index[i], index[j]) = (index[j], index[i]);
        }

        return index[..count];
    }
}
