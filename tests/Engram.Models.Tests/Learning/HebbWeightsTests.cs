using Engram.Models.Learning;
using Engram.Models.Patterns;

namespace Engram.Models.Tests.Learning;

/// <summary>The on-demand Hebb weights are the dense rule's doubles, entry for entry.</summary>
public class HebbWeightsTests
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(4, 64)]
    [InlineData(9, 33)]
    public void Entries_equal_the_dense_rule_bit_for_bit(int patterns, int n)
    {
        var xi = RandomPatterns.Binary(patterns, n, new Random(patterns + n));
        var dense = new HebbRule().Learn(xi);
        var lazy = new HebbWeights(xi);
        Assert.Equal(n, lazy.Outputs);
        Assert.Equal(n, lazy.Inputs);
        Assert.Equal(dense.Max(Math.Abs), lazy.MaxMagnitude);
        for (int o = 0; o < n; o++)
        {
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(dense[(o * n) + i], lazy[o, i]);
            }
        }
    }
}
