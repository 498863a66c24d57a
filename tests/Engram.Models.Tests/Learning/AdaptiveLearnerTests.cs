using Engram.Models.Learning;
using Engram.Models.Networks;

namespace Engram.Models.Tests.Learning;

public class AdaptiveLearnerTests
{
    private static readonly AdaptiveOptions Fast = new(OptimizerKind.Adam, 1e-2, 500);

    // Finite differences need double-precision losses; the float32 pass is checked against this one.
    private static readonly AdaptiveLearner DoubleLearner = new(AdaptiveOptions.Default with { SinglePrecision = false });

    [Fact]
    public void Analytic_gradients_match_finite_differences_with_stuck_cells()
    {
        var patterns = LearningKit.Binary(3, 6, new Random(2));
        var stack = DoubleLearner.Build(patterns, LearningKit.Context(0.3, 4), out var stuck);
        Assert.Contains(true, stuck);
        LearningKit.AssertGradientsMatch(stack);
    }

    [Fact]
    public void Continuous_gradients_match_finite_differences()
    {
        var rng = new Random(3);
        var patterns = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 5).Select(_ => (2 * rng.NextDouble()) - 1).ToArray()).ToArray();
        var stack = DoubleLearner.Build(patterns, LearningKit.Context(0.2, 5, continuous: true), out _);
        LearningKit.AssertGradientsMatch(stack);
    }

    [Theory]
    [InlineData(1, 64)]
    [InlineData(13, 64)]
    [InlineData(9, 7)]
    public void Float32_pass_matches_the_double_pass_to_single_precision(int p, int n)
    {
        // Shapes cover one pattern (all padding but one column), a batch that is not a whole vector, and an N with scalar tails.
        var patterns = LearningKit.Binary(p, n, new Random(p + n));
        var single = new AdaptiveLearner().Build(patterns, LearningKit.Context(0.5, 6), out _);
        var reference = DoubleLearner.Build(patterns, LearningKit.Context(0.5, 6), out _);
        double lossSingle = single.LossAndGradients();
        double lossDouble = reference.LossAndGradients();
        Assert.Equal(lossDouble, lossSingle, 1e-5 * lossDouble);
        var a = single.Layers[0];
        var b = reference.Layers[0];
        double scale = b.WeightGradient.Max(Math.Abs);
        for (int k = 0; k < a.WeightGradient.Length; k++)
        {
            Assert.True(Math.Abs(a.WeightGradient[k] - b.WeightGradient[k]) <= 1e-5 * scale, $"dW[{k}]: float32 {a.WeightGradient[k]}, double {b.WeightGradient[k]}");
            Assert.True(b.Trainable[k] != 0 || a.WeightGradient[k] == 0);
        }

        double biasScale = b.BiasGradient.Max(Math.Abs);
        for (int i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(a.BiasGradient[i] - b.BiasGradient[i]) <= 1e-5 * biasScale, $"db[{i}]: float32 {a.BiasGradient[i]}, double {b.BiasGradient[i]}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    public void Stuck_cells_keep_their_stuck_value_and_the_diagonal_stays_zero(double stuckValue)
    {
        const int n = 16;
        var patterns = LearningKit.Binary(4, n, new Random(1));
        var context = LearningKit.Context(0.3, 2);
        var result = new AdaptiveLearner(Fast with { MaxEpochs = 300, StuckValue = stuckValue }).Train(patterns, context);
        var stuck = context.Faults.Stuck(0, n, n, 0.3);
        var w = result.Memory.Weights;
        int stuckCount = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int k = (i * n) + j;
                if (i == j)
                {
                    Assert.Equal(0, w[k]);
                }
                else if (stuck[k])
                {
                    Assert.Equal(stuckValue, w[k]);
                    stuckCount++;
                }
                else
                {
                    Assert.NotEqual(stuckValue, w[k]);
                }
            }
        }

        Assert.InRange(stuckCount, 40, 110);
    }

    [Fact]
    public void Training_loss_decreases_and_mostly_monotonically()
    {
        var patterns = LearningKit.Binary(8, 32, new Random(11));
        var result = new AdaptiveLearner(new AdaptiveOptions(MaxEpochs: 1000)).Train(patterns, LearningKit.Context(0.3, 12));
        var losses = result.Losses;
        Assert.Equal(1000, result.Epochs);
        Assert.True(losses[^1] < 0.25 * losses[0], $"first {losses[0]}, last {losses[^1]}");
        int down = Enumerable.Range(1, losses.Count - 1).Count(e => losses[e] <= losses[e - 1]);
        Assert.True(down >= 0.95 * (losses.Count - 1), $"{down} of {losses.Count - 1} epochs decreased");
    }

    [Fact]
    public void Rmsprop_and_noise_aware_training_also_decrease_the_loss()
    {
        var patterns = LearningKit.Binary(6, 24, new Random(13));
        foreach (var options in new[]
        {
            new AdaptiveOptions(OptimizerKind.RmsProp, 1e-2, 300),
            new AdaptiveOptions(OptimizerKind.Adam, 1e-2, 300, NoiseLevel: 0.05),
        })
        {
            var losses = new AdaptiveLearner(options).Train(patterns, LearningKit.Context(0.1, 14)).Losses;
            Assert.True(losses[^1] < 0.1 * losses[0], $"{options}: first {losses[0]}, last {losses[^1]}");
        }
    }

    [Theory]
    [InlineData(32, 8)]
    [InlineData(64, 16)]
    public void Stores_a_quarter_of_n_random_patterns_as_exact_fixed_points_without_faults(int n, int p)
    {
        var patterns = LearningKit.Binary(p, n, new Random(n + p));
        var memory = new AdaptiveLearner(Fast).Learn(patterns, LearningKit.Context(0, 3));
        Assert.All(patterns, x => Assert.True(LearningKit.IsFixedPoint(memory, x)));
    }

    [Fact]
    public void Early_stop_ends_training_once_the_loss_is_below_the_threshold()
    {
        var patterns = LearningKit.Binary(2, 16, new Random(8));
        var result = new AdaptiveLearner(new AdaptiveOptions(OptimizerKind.Adam, 5e-2, 5000, EarlyStopLoss: 1e-3)).Train(patterns, LearningKit.Context(0, 1));
        Assert.True(result.Epochs < 5000);
        Assert.True(result.FinalLoss < 1e-3);
        Assert.True(result.Losses.Take(result.Epochs - 1).All(l => l >= 1e-3));
    }

    [Fact]
    public void With_30_percent_faults_adaptive_recalls_better_than_the_pseudo_inverse()
    {
        // N = 32, P = 10: pinv with stuck cells read as 0 loses fixed points and recall; adaptive keeps them.
        var patterns = LearningKit.Binary(10, 32, new Random(5));
        var adaptive = new AdaptiveLearner(Fast).Learn(patterns, LearningKit.Context(0.3, 7));
        var pinv = new ClassicalLearner(new PseudoInverseRule()).Learn(patterns, LearningKit.Context(0.3, 7));
        double ra = LearningKit.MeanRecall(adaptive, patterns, 0.1, 10, new Random(9));
        double rp = LearningKit.MeanRecall(pinv, patterns, 0.1, 10, new Random(9));
        Assert.True(ra > rp + 0.1, $"adaptive {ra}, pinv {rp}");
        Assert.All(patterns, x => Assert.True(LearningKit.IsFixedPoint(adaptive, x)));
        Assert.True(patterns.Count(x => LearningKit.IsFixedPoint(pinv, x)) < patterns.Length);
    }

    [Fact]
    public void Same_seed_gives_identical_weights_and_another_seed_does_not()
    {
        var patterns = LearningKit.Binary(5, 20, new Random(4));
        var learner = new AdaptiveLearner(Fast with { MaxEpochs = 200, NoiseLevel = 0.02 });
        var a = learner.Train(patterns, LearningKit.Context(0.2, 42)).Memory;
        var b = learner.Train(patterns, LearningKit.Context(0.2, 42)).Memory;
        var c = learner.Train(patterns, LearningKit.Context(0.2, 43)).Memory;
        Assert.True(a.Weights.SequenceEqual(b.Weights));
        Assert.True(a.Bias.SequenceEqual(b.Bias));
        Assert.False(a.Weights.SequenceEqual(c.Weights));
    }

    [Fact]
    public void Continuous_patterns_recall_through_tanh_and_name_is_adaptive()
    {
        var rng = new Random(6);
        var patterns = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 16).Select(_ => 0.8 * ((2 * rng.NextDouble()) - 1)).ToArray()).ToArray();
        var learner = new AdaptiveLearner(new AdaptiveOptions(OptimizerKind.Adam, 1e-2, 1500));
        Assert.Equal("adaptive", learner.Name);
        IAssociativeMemory memory = learner.Learn(patterns, LearningKit.Context(0, 1, continuous: true));
        Assert.True(memory.Continuous);
        var next = new double[16];
        memory.Step(patterns[0], next);
        Assert.True(LearningKit.Cosine(next, patterns[0]) > 0.95);
    }

    [Fact]
    public void Invalid_budgets_and_rates_are_rejected()
    {
        var patterns = LearningKit.Binary(2, 8, new Random(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveLearner(new AdaptiveOptions(MaxEpochs: 0)).Learn(patterns, LearningKit.Context(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveLearner(new AdaptiveOptions(LearningRate: 0)).Learn(patterns, LearningKit.Context(0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdaptiveLearner(new AdaptiveOptions(NoiseLevel: -1)).Learn(patterns, LearningKit.Context(0, 1)));
        Assert.Throws<ArgumentException>(() => new AdaptiveLearner().Learn([], LearningKit.Context(0, 1)));
    }
}
