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

public class ClassicalLearnerTests
{
    [Fact]
    public void Storkey_matches_its_expansion_for_two_patterns()
    {
        // Pass 1: h = 0, W = ξ1ξ1ᵀ/N. Pass 2: h = W ξ2 = ξ1 (ξ1·ξ2)/N; W += (ξ2 − h)(ξ2 − h)ᵀ/N.
        double[] a = [1, -1, 1, 1], b = [1, 1, -1, 1];
        const int n = 4;
        double overlap = a.Zip(b, (x, y) => x * y).Sum() / n;
        var expected = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double di = b[i] - (a[i] * overlap), dj = b[j] - (a[j] * overlap);
                expected[(i * n) + j] = i == j ? 0 : ((a[i] * a[j]) + (di * dj)) / n;
            }
        }

        double max = expected.Max(Math.Abs);
        var w = new StorkeyRule().Learn([a, b]);
        for (int k = 0; k < w.Length; k++)
        {
            Assert.Equal(expected[k] / max, w[k], 12);
        }
    }

    [Fact]
    public void Stuck_cells_read_as_zero_and_maps_nest_across_rates()
    {
        var patterns = Engram.Models.Patterns.RandomPatterns.Binary(4, 32, new Random(1));
        var draws = new Engram.Models.Networks.FaultDraws(new Random(9));
        var low = draws.Stuck(0, 32, 32, 0.1);
        var high = draws.Stuck(0, 32, 32, 0.3);
        Assert.All(Enumerable.Range(0, low.Length), k => Assert.True(!low[k] || high[k]));
        var memory = (Engram.Models.Networks.SingleLayerMemory)new ClassicalLearner(new PseudoInverseRule())
            .Learn(patterns, new Engram.Models.Networks.LearningContext(draws, 0.3, false, new Random(2)));
        Assert.All(Enumerable.Range(0, high.Length).Where(k => high[k]), k => Assert.Equal(0, memory.Weights[k]));
        Assert.InRange(high.Count(s => s) / 1024.0, 0.25, 0.35);
    }
}
