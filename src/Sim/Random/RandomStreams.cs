using System.Text;

namespace Engram.Sim.Random;

/// <summary>
/// Named random streams derived from one master seed. A stream's seed depends only on the master
/// seed and its name (SplitMix64 of the seed mixed with a stable FNV-1a hash of the UTF-8 name), so
/// adding a component, or one extra draw in another, never perturbs a stream. Asking twice for the
/// same name returns the same stream. Use an indexed name ("trial", 17) for per-trial streams that
/// must not depend on which thread runs the trial.
/// </summary>
public sealed class RandomStreams
{
    private readonly Dictionary<string, RandomStream> _streams = new(StringComparer.Ordinal);

    public RandomStreams(ulong masterSeed)
    {
        MasterSeed = masterSeed;
    }

    public ulong MasterSeed { get; }

    /// <summary>The stream for a component path such as "chip/tile0/crossbar3/read-noise".</summary>
    public RandomStream Stream(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        lock (_streams)
        {
            if (!_streams.TryGetValue(path, out var stream))
            {
                stream = new RandomStream(DeriveSeed(MasterSeed, path), path);
                _streams.Add(path, stream);
            }

            return stream;
        }
    }

    /// <summary>
    /// A new stream at the start of <paramref name="path"/>'s sequence, not cached: the draws <see cref="Stream(string)"/>
    /// gave or will give, for work that replays a stream instead of keeping what it drew.
    /// </summary>
    public RandomStream Fresh(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new RandomStream(DeriveSeed(MasterSeed, path), path);
    }

    /// <summary>A fresh stream for (path, index), not cached: for trials run in parallel.</summary>
    public RandomStream Stream(string path, long index)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new RandomStream(DeriveSeed(MasterSeed, path, index), $"{path}[{index}]");
    }

    public static ulong DeriveSeed(ulong masterSeed, string path) =>
        SplitMix64.Mix(masterSeed ^ SplitMix64.Mix(Fnv1a64(path)));

    public static ulong DeriveSeed(ulong masterSeed, string path, long index) =>
        SplitMix64.Mix(DeriveSeed(masterSeed, path) ^ SplitMix64.Mix((ulong)index ^ 0xA0761D6478BD642FUL));

    /// <summary>FNV-1a over the UTF-8 bytes: stable across runs and platforms, unlike string.GetHashCode.</summary>
    internal static ulong Fnv1a64(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        Span<byte> buffer = stackalloc byte[256];
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > buffer.Length ? new byte[max] : null;
        Span<byte> bytes = rented ?? buffer;
        int n = Encoding.UTF8.GetBytes(text, bytes);
        foreach (byte b in bytes[..n])
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }

        return hash;
    }
}
