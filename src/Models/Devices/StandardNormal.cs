namespace Engram.Models.Devices;

/// <summary>
/// N(0, 1) deviates from a caller's <see cref="Random"/> (Marsaglia polar method). The second deviate is
/// dropped so that the result depends only on the stream, never on hidden state kept here.
/// </summary>
public static class StandardNormal
{
    public static double Sample(Random rng)
    {
        while (true)
        {
            double u = 2.0 * rng.NextDouble() - 1.0;
            double v = 2.0 * rng.NextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0.0 && s < 1.0)
            {
                return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
            }
        }
    }

    /// <summary>Consumes exactly the draws <see cref="Sample"/> would, without the deviate (whose logarithm is most of its cost).</summary>
    public static void Skip(Random rng)
    {
        while (true)
        {
            double u = 2.0 * rng.NextDouble() - 1.0;
            double v = 2.0 * rng.NextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0.0 && s < 1.0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="deviates"/> with N(0, 1) deviates using both of each polar pair (half the draws and
    /// logarithms of calling <see cref="Sample"/> per deviate); an odd last one drops its partner, so the result
    /// still depends only on the stream and the length.
    /// </summary>
    public static void Fill(Random rng, Span<double> deviates)
    {
        int i = 0;
        while (i < deviates.Length)
        {
            double u = 2.0 * rng.NextDouble() - 1.0;
            double v = 2.0 * rng.NextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0.0 && s < 1.0)
            {
                double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
                deviates[i++] = u * f;
                if (i < deviates.Length)
                {
                    deviates[i++] = v * f;
                }
            }
        }
    }
}
