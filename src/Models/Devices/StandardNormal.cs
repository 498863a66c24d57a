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
}
