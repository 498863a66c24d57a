namespace Engram.Models.Learning;

/// <summary>PyTorch's nn.Linear default initialisation, which the He et al. trainers start from (U(−1/√fan_in, 1/√fan_in)).</summary>
public static class LinearInit
{
    /// <summary>W, then b, each element from U(−1/√fan_in, 1/√fan_in), in that order from <paramref name="rng"/>.</summary>
    public static void Uniform(Span<double> weights, Span<double> bias, int fanIn, Random rng)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        for (int k = 0; k < weights.Length; k++)
        {
            weights[k] = ((2 * rng.NextDouble()) - 1) * bound;
        }

        for (int i = 0; i < bias.Length; i++)
        {
            bias[i] = ((2 * rng.NextDouble()) - 1) * bound;
        }
    }
}
