using Engram.Models.Learning;
using Engram.Models.Patterns;

namespace Engram.Models.Tests.Learning;

public class WeightRuleTests
{
    private static double[] Sign(double[] w, double[] s, int n)
    {
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            double h = 0;
            for (int j = 0; j < n; j++)
            {
                h += w[(i * n) + j] * s[j];
            }

            next[i] = Math.Sign(h);
        }

        return next;
    }

    [Fact]
    public void Pseudo_inverse_makes_every_stored_pattern_a_fixed_point()
    {
        const int n = 64;
        var patterns = RandomPatterns.Binary(20, n, new Random(3));
        var w = new PseudoInverseRule().Learn(patterns);
        foreach (var p in patterns)
        {
            Assert.Equal(p, Sign(w, p, n));
        }
    }

    [Fact]
    public void Hebb_matches_its_closed_form_and_both_rules_post_process()
    {
        double[][] patterns = [[1, -1, 1], [1, 1, -1]];
        var w = new HebbRule().Learn(patterns);
        // Σ ξξᵀ off-diagonal: (0,1): -1+1 = 0; (0,2): 1-1 = 0; (1,2): -1-1 = -2 → normalised to -1.
        Assert.Equal([0, 0, 0, 0, 0, -1, 0, -1, 0], w);
        foreach (IWeightRule rule in new IWeightRule[] { new HebbRule(), new PseudoInverseRule() })
        {
            var weights = rule.Learn(RandomPatterns.Binary(5, 16, new Random(1)));
            Assert.Equal(1, weights.Max(Math.Abs), 12);
            Assert.All(Enumerable.Range(0, 16), i => Assert.Equal(0, weights[(i * 16) + i]));
        }
    }

    [Fact]
    public void Cue_flips_have_the_asked_rate()
    {
        var pattern = Enumerable.Repeat(1.0, 100_000).ToArray();
        var cue = CueCorruption.FlipBits(pattern, 0.1, new Random(5));
        Assert.InRange(cue.Count(v => v < 0) / 100_000.0, 0.095, 0.105);
    }
}
