using Engram.Models.Learning;
using Engram.Models.Networks;

namespace Engram.Models.Tests.Learning;

/// <summary>Test-local pattern, cue and recall helpers for the trained learners.</summary>
internal static class LearningKit
{
    public static double[][] Binary(int count, int n, Random rng)
    {
        var patterns = new double[count][];
        for (int mu = 0; mu < count; mu++)
        {
            patterns[mu] = new double[n];
            for (int i = 0; i < n; i++)
            {
                patterns[mu][i] = rng.Next(2) == 0 ? -1 : 1;
            }
        }

        return patterns;
    }

    public static LearningContext Context(double faultRate, int seed, bool continuous = false) =>
        new(new FaultDraws(new Random(1)), faultRate, continuous, new Random(seed));

    public static double[] Recall(IAssociativeMemory memory, double[] cue, int steps = 100)
    {
        var s = (double[])cue.Clone();
        var next = new double[s.Length];
        for (int t = 0; t < steps; t++)
        {
            memory.Step(s, next);
            (s, next) = (next, s);
        }

        return s;
    }

    public static double Cosine(double[] a, double[] b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return aa == 0 || bb == 0 ? 0 : ab / Math.Sqrt(aa * bb);
    }

    /// <summary>Mean cosine similarity of 100-step recall from cues with a fraction of bits flipped.</summary>
    public static double MeanRecall(IAssociativeMemory memory, double[][] patterns, double flip, int trials, Random rng)
    {
        double sum = 0;
        int count = 0;
        foreach (var p in patterns)
        {
            for (int t = 0; t < trials; t++)
            {
                var cue = (double[])p.Clone();
                for (int i = 0; i < cue.Length; i++)
                {
                    if (rng.NextDouble() < flip)
                    {
                        cue[i] = -cue[i];
                    }
                }

                sum += Cosine(Recall(memory, cue), p);
                count++;
            }
        }

        return sum / count;
    }

    public static bool IsFixedPoint(IAssociativeMemory memory, double[] pattern)
    {
        var next = new double[pattern.Length];
        memory.Step(pattern, next);
        return next.AsSpan().SequenceEqual(pattern);
    }

    /// <summary>Analytic gradients against central finite differences for every weight and bias.</summary>
    public static void AssertGradientsMatch(TanhStack stack)
    {
        const double h = 1e-6;
        // Every evaluation overwrites the gradient buffers, so copy all of them before probing any.
        stack.LossAndGradients();
        var weightGradients = stack.Layers.Select(l => (double[])l.WeightGradient.Clone()).ToArray();
        var biasGradients = stack.Layers.Select(l => (double[])l.BiasGradient.Clone()).ToArray();
        for (int l = 0; l < stack.Layers.Length; l++)
        {
            var layer = stack.Layers[l];
            var gw = weightGradients[l];
            var gb = biasGradients[l];
            for (int k = 0; k < layer.Weights.Length; k++)
            {
                double numeric = Numeric(stack, layer.Weights, k, h);
                Assert.True(Math.Abs(numeric - gw[k]) < 1e-7 + (1e-5 * Math.Abs(numeric)), $"dW[{k}]: analytic {gw[k]}, numeric {numeric}");
                if (layer.Trainable[k] == 0)
                {
                    Assert.Equal(0, gw[k]);
                }
            }

            for (int i = 0; i < layer.Bias.Length; i++)
            {
                double numeric = Numeric(stack, layer.Bias, i, h);
                Assert.True(Math.Abs(numeric - gb[i]) < 1e-7 + (1e-5 * Math.Abs(numeric)), $"db[{i}]: analytic {gb[i]}, numeric {numeric}");
            }
        }
    }

    private static double Numeric(TanhStack stack, double[] parameters, int k, double h)
    {
        double keep = parameters[k];
        parameters[k] = keep + h;
        double up = stack.LossAndGradients();
        parameters[k] = keep - h;
        double down = stack.LossAndGradients();
        parameters[k] = keep;
        return (up - down) / (2 * h);
    }
}
