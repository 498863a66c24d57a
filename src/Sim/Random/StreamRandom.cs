namespace Engram.Sim.Random;

/// <summary>
/// A <see cref="System.Random"/> view of a <see cref="RandomStream"/>: every draw comes from the stream, so libraries
/// and models written against <see cref="System.Random"/> see the stream's sequence. Open for a layer above that adds
/// its own interfaces over the same draws (e.g. a bulk-uniform seam of the device models).
/// </summary>
public class StreamRandom(RandomStream stream) : System.Random
{
    /// <summary>The next <c>destination.Length</c> draws <see cref="NextDouble"/> would give, in order, in one run.</summary>
    public void NextDoubles(Span<double> destination) => stream.NextDoubles(destination);

    public override int Next() => stream.NextInt(int.MaxValue);

    public override int Next(int maxValue) => maxValue <= 0 ? 0 : stream.NextInt(maxValue);

    public override int Next(int minValue, int maxValue) =>
        maxValue <= minValue ? minValue : (int)stream.NextLong(minValue, maxValue);

    public override long NextInt64() => stream.NextLong(0, long.MaxValue);

    public override long NextInt64(long maxValue) => maxValue <= 0 ? 0 : stream.NextLong(0, maxValue);

    public override long NextInt64(long minValue, long maxValue) =>
        maxValue <= minValue ? minValue : stream.NextLong(minValue, maxValue);

    public override double NextDouble() => stream.NextDouble();

    public override float NextSingle() => (float)(stream.NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(stream.NextUInt64() >> 56);
        }
    }

    protected override double Sample() => stream.NextDouble();
}
