using Engram.Models.Learning;
using Engram.Models.Networks;

namespace Engram.Models.Tests.Learning;

public class MultilayerLearnerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Analytic_gradients_match_finite_differences_with_stuck_cells(int extraLayers)
    {
        var patterns = LearningKit.Binary(3, 6, new Random(2));
        var learner = new MultilayerLearner(new MultilayerOptions(Hidden: 4, ExtraLayers: extraLayers));
        var stack = learner.Build(patterns, LearningKit.Context(0.3, 4), out var stuck);
        Assert.Equal(2 + extraLayers, stack.Layers.Length);
        Assert.Contains(stuck, s => s.Contains(true));
        LearningKit.AssertGradientsMatch(stack);
    }

    [Fact]
    public void Schedule_follows_the_single_layer_proxy_table_with_half_rates_and_double_epochs()
    {
        Assert.Equal((800, 0.005), MultilayerSchedule.For(16, continuous: false));
        Assert.Equal((1600, 0.005), MultilayerSchedule.For(17, continuous: false));
        Assert.Equal((3200, 0.0025), MultilayerSchedule.For(64, continuous: false));
        Assert.Equal((3200, 0.00125), MultilayerSchedule.For(65, continuous: false));
        Assert.Equal((3200, 0.00125), MultilayerSchedule.For(32, continuous: true));
        Assert.Equal((6400, 0.000625), MultilayerSchedule.For(33, continuous: true));
        Assert.Equal((12800, 0.000625), MultilayerSchedule.For(256, continuous: true));
        Assert.Equal((3200, 0.000625), MultilayerSchedule.For(257, continuous: true));
        Assert.Equal((500, 0.02), new MultilayerOptions(Epochs: 500, LearningRate: 0.02).Resolve(8, false));
    }

    [Fact]
    public void Schedule_neurons_scale_the_schedule_rate_by_n0_over_n_and_never_a_fixed_rate()
    {
        var scaled = new MultilayerOptions(ScheduleNeurons: 64);
        Assert.Equal((800, 0.005), scaled.Resolve(16, false, 64));
        Assert.Equal((800, 0.005), scaled.Resolve(16, false, 32));
        Assert.Equal((800, 0.00125), scaled.Resolve(16, false, 256));
        Assert.Equal((3200, 0.00125 * 0.5), scaled.Resolve(65, false, 128));
        Assert.Equal((800, 0.005), MultilayerOptions.Default.Resolve(16, false, 256));
        Assert.Equal((500, 0.02), (scaled with { Epochs = 500, LearningRate = 0.02 }).Resolve(8, false, 256));
    }

    [Fact]
    public void At_N_256_the_unscaled_schedule_fails_to_store_three_patterns_and_the_scaled_one_stores_them()
    {
        // Three correlated patterns (a shared ±1 background with a few bits of their own, like binarised digits).
        const int N = 256;
        var rng = new Random(4);
        var background = LearningKit.Binary(1, N, rng)[0];
        var patterns = Enumerable.Range(0, 3).Select(_ => background.Select(v => rng.NextDouble() < 0.15 ? -v : v).ToArray()).ToArray();
        var options = new MultilayerOptions(Hidden: N);
        var plain = new MultilayerLearner(options).Train(patterns, LearningKit.Context(0, 3));
        var scaled = new MultilayerLearner(options with { ScheduleNeurons = 64 }).Train(patterns, LearningKit.Context(0, 3));
        Assert.All(patterns, x => Assert.True(LearningKit.IsFixedPoint(scaled.Memory, x)));
        Assert.True(scaled.FinalLoss < 1e-3, $"scaled final loss {scaled.FinalLoss}");
        Assert.True(plain.FinalLoss > 100 * scaled.FinalLoss, $"unscaled {plain.FinalLoss}, scaled {scaled.FinalLoss}");
    }

    [Fact]
    public void Stores_a_few_binary_patterns_as_fixed_points_and_the_loss_decreases()
    {
        var patterns = LearningKit.Binary(4, 16, new Random(21));
        var result = new MultilayerLearner(new MultilayerOptions(Hidden: 16)).Train(patterns, LearningKit.Context(0, 3));
        Assert.True(result.FinalLoss < 0.1 * result.Losses[0], $"first {result.Losses[0]}, last {result.FinalLoss}");
        Assert.All(patterns, x => Assert.True(LearningKit.IsFixedPoint(result.Memory, x)));
        Assert.True(LearningKit.MeanRecall(result.Memory, patterns, 0.05, 5, new Random(1)) > 0.9);
    }

    [Fact]
    public void Stuck_cells_of_every_layer_keep_their_stuck_value()
    {
        var patterns = LearningKit.Binary(4, 12, new Random(5));
        var context = LearningKit.Context(0.3, 6);
        var learner = new MultilayerLearner(new MultilayerOptions(Hidden: 8, ExtraLayers: 1, Epochs: 200, StuckValue: -0.1));
        var memory = learner.Train(patterns, context).Memory;
        Assert.Equal(3, memory.Layers.Count);

        // Forward order encoder, extra, decoder carries fault layers 0, 2, 1.
        Assert.Equal(context.Faults.Stuck(0, 8, 12, 0.3), memory.Layers[0].Stuck);
        Assert.Equal(context.Faults.Stuck(2, 8, 8, 0.3), memory.Layers[1].Stuck);
        Assert.Equal(context.Faults.Stuck(1, 12, 8, 0.3), memory.Layers[2].Stuck);
        foreach (var layer in memory.Layers)
        {
            Assert.Contains(true, layer.Stuck);
            for (int k = 0; k < layer.Weights.Length; k++)
            {
                if (layer.Stuck[k])
                {
                    Assert.Equal(-0.1, layer.Weights[k]);
                }
                else
                {
                    Assert.NotEqual(-0.1, layer.Weights[k]);
                }
            }
        }
    }

    [Fact]
    public void Variation_perturbs_only_non_stuck_cells_in_proportion_to_each_layers_largest_weight()
    {
        var patterns = LearningKit.Binary(3, 10, new Random(7));
        var memory = (MultilayerMemory)new MultilayerLearner(new MultilayerOptions(Hidden: 6, Epochs: 100)).Learn(patterns, LearningKit.Context(0.3, 8));
        var varied = (MultilayerMemory)memory.WithVariation(0.05, new Random(9));
        Assert.Same(memory, memory.WithVariation(0, new Random(9)));
        for (int l = 0; l < memory.Layers.Count; l++)
        {
            var a = memory.Layers[l];
            var b = varied.Layers[l];
            double max = a.Weights.Max(Math.Abs);
            for (int k = 0; k < a.Weights.Length; k++)
            {
                if (a.Stuck[k])
                {
                    Assert.Equal(a.Weights[k], b.Weights[k]);
                }
                else
                {
                    Assert.NotEqual(a.Weights[k], b.Weights[k]);
                    Assert.True(Math.Abs(b.Weights[k] - a.Weights[k]) < 6 * 0.05 * max);
                }
            }

            Assert.Equal(a.Bias, b.Bias);
        }
    }

    [Fact]
    public void Same_seed_gives_identical_weights()
    {
        var patterns = LearningKit.Binary(4, 12, new Random(4));
        var learner = new MultilayerLearner(new MultilayerOptions(Hidden: 8, Epochs: 150));
        var a = (MultilayerMemory)learner.Learn(patterns, LearningKit.Context(0.2, 42));
        var b = (MultilayerMemory)learner.Learn(patterns, LearningKit.Context(0.2, 42));
        var c = (MultilayerMemory)learner.Learn(patterns, LearningKit.Context(0.2, 43));
        for (int l = 0; l < a.Layers.Count; l++)
        {
            Assert.Equal(a.Layers[l].Weights, b.Layers[l].Weights);
            Assert.Equal(a.Layers[l].Bias, b.Layers[l].Bias);
        }

        Assert.NotEqual(a.Layers[0].Weights, c.Layers[0].Weights);
        Assert.Equal("multilayer", learner.Name);
    }

    [Fact]
    public void Step_keeps_the_old_state_where_the_output_is_exactly_zero()
    {
        // Encoder 1×2 and decoder 2×1 with zero weights and biases: y = tanh(0) = 0 everywhere.
        var memory = new MultilayerMemory([new MemoryLayer(1, 2, new double[2]), new MemoryLayer(2, 1, new double[2])], continuous: false);
        var next = new double[2];
        memory.Step([1, -1], next);
        Assert.Equal([1.0, -1.0], next);
        Assert.Throws<ArgumentException>(() => new MultilayerMemory([new MemoryLayer(1, 2, new double[2]), new MemoryLayer(3, 1, new double[3])], false));
    }

    [Fact]
    public void Continuous_memory_outputs_the_decoder_tanh_and_epochs_allocate_nothing()
    {
        var rng = new Random(10);
        var patterns = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 10).Select(_ => 0.7 * ((2 * rng.NextDouble()) - 1)).ToArray()).ToArray();
        var learner = new MultilayerLearner(new MultilayerOptions(Hidden: 10, Epochs: 1500, LearningRate: 0.005));
        var context = LearningKit.Context(0, 2, continuous: true);
        var memory = learner.Learn(patterns, context);
        Assert.True(memory.Continuous);
        var next = new double[10];
        memory.Step(patterns[1], next);
        Assert.Contains(next, v => Math.Abs(v) is > 0 and < 1 && Math.Abs(Math.Abs(v) - 1) > 1e-6);
        Assert.True(LearningKit.Cosine(next, patterns[1]) > 0.95);

        var stack = learner.Build(patterns, context, out _);
        stack.LossAndGradients();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int e = 0; e < 20; e++)
        {
            stack.LossAndGradients();
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
