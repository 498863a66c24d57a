using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Engram.Models.Learning;

namespace Engram.Models.Tests.Learning;

/// <summary>The float32 training loop and its numerical pieces: rational tanh, fixed-order lane sums, W_eff kept between epochs.</summary>
public class SinglePrecisionTrainingTests
{
    [Fact]
    public void Rational_tanh_is_within_four_tenths_of_a_micro_of_tanh_and_saturates_exactly()
    {
        double worst = 0;
        for (int k = -1_200_000; k <= 1_200_000; k++)
        {
            float x = k * 1e-5f;
            float y = FastTanh.Tanh(Vector256.Create(x)).GetElement(0);
            worst = Math.Max(worst, Math.Abs(y - Math.Tanh(x)));
            Assert.Equal(-y, FastTanh.Tanh(Vector256.Create(-x)).GetElement(0));
        }

        Assert.True(worst <= 4e-7, $"largest error {worst}");
        Assert.Equal(1f, FastTanh.Tanh(Vector256.Create(30f)).GetElement(0));
        Assert.Equal(-1f, FastTanh.Tanh(Vector256.Create(-1e30f)).GetElement(0));
        Assert.Equal(1e-6f, FastTanh.Tanh(Vector256.Create(1e-6f)).GetElement(0));
    }

    [Fact]
    public void Lane_sums_of_eight_vectors_equal_the_portable_order_lane_by_lane()
    {
        var rng = new Random(4);
        for (int trial = 0; trial < 200; trial++)
        {
            var v = Enumerable.Range(0, 8).Select(_ => Vector256.Create(Enumerable.Range(0, 8).Select(_ => (float)(rng.NextDouble() - 0.5) * MathF.Pow(10, rng.Next(-4, 5))).ToArray())).ToArray();
            var sums = LaneSums.Of8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
            for (int q = 0; q < 8; q++)
            {
                var a = v[q];
                Assert.Equal(((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])), sums[q]);
                Assert.Equal(LaneSums.Of(a), sums[q]);
            }
        }
    }

    [Theory]
    [InlineData(1, 64, 0.0)]
    [InlineData(13, 64, 0.0)]
    [InlineData(22, 64, 0.0)]
    [InlineData(65, 64, 0.0)]
    [InlineData(130, 64, 0.5)]
    [InlineData(9, 7, 0.25)]
    [InlineData(70, 37, 0.25)]
    public void The_sparse_forward_product_equals_the_dense_product_bit_for_bit(int p, int n, double stuckValue)
    {
        // Zᵀ over the cells W_eff can be nonzero at (blocks of one row × eight vectors, four rows × three, two, one, and single
        // rows when N is not a multiple of four) against DenseProduct over the whole of W_eff with its zeros.
        var patterns = LearningKit.Binary(p, n, new Random(p + n));
        var options = AdaptiveOptions.Default with { StuckValue = stuckValue };
        var stack = new AdaptiveLearner(options).Build(patterns, LearningKit.Context(0.5, 5), out _);
        var layer = stack.Layers[0];
        var rng = new Random(6);
        for (int k = 0; k < layer.Weights.Length; k++)
        {
            layer.Weights[k] = (2 * rng.NextDouble()) - 1;
        }

        TensorPrimitives.FusedMultiplyAdd(layer.Weights, layer.Trainable, layer.Fixed, layer.Effective);
        var x = patterns.SelectMany(row => row).ToArray();
        var pass = new SinglePrecisionPass(x, p, layer);
        int padded = pass.PaddedBatch;
        var xT = new float[n * padded];
        for (int mu = 0; mu < p; mu++)
        {
            for (int j = 0; j < n; j++)
            {
                xT[(j * padded) + mu] = (float)patterns[mu][j];
            }
        }

        var expected = new float[n * padded];
        for (int i = 0; i < n; i++)
        {
            expected.AsSpan(i * padded, padded).Fill((float)layer.Bias[i]);
        }

        var weights = layer.Effective.Select(w => (float)w).ToArray();
        DenseProduct<float>.MultiplyAccumulate(n, n, padded, weights, n, 1, xT, expected);
        var actual = pass.PreActivations(layer);
        Assert.Contains(layer.Effective, w => w == 0);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[k]) == BitConverter.SingleToInt32Bits(actual[k]), $"element {k}: {expected[k]} against {actual[k]}");
        }
    }

    [Theory]
    [InlineData(1, 64, 0.0)]
    [InlineData(13, 64, 0.0)]
    [InlineData(9, 7, 0.25)]
    [InlineData(40, 33, 0.0)]
    [InlineData(70, 64, 0.0)]
    [InlineData(67, 37, 0.25)]
    public void The_training_loop_equals_stepping_the_optimizer_on_each_passes_gradients(int p, int n, double stuckValue)
    {
        // The loop keeps W_eff in float32 and steps packed cells; the reference rebuilds W_eff from the double
        // weights before every pass, as the noise-aware path does. Both must give the same bits.
        var patterns = LearningKit.Binary(p, n, new Random(p * n));
        var options = AdaptiveOptions.Default with { StuckValue = stuckValue };
        const int epochs = 25;
        var fused = new AdaptiveLearner(options).Build(patterns, LearningKit.Context(0.5, 3), out _);
        var fusedLosses = fused.Train(options.CreateOptimizer(), epochs, 0, 0, new Random(1));

        var manual = new AdaptiveLearner(options).Build(patterns, LearningKit.Context(0.5, 3), out _);
        var layer = manual.Layers[0];
        var optimizer = options.CreateOptimizer();
        layer.Compact.Load(layer.Weights);
        layer.WeightState = optimizer.CreateState(layer.Compact.Values.Length);
        layer.BiasState = optimizer.CreateState(layer.Bias.Length);
        for (int e = 0; e < epochs; e++)
        {
            Assert.Equal(manual.LossAndGradients(), fusedLosses[e]);
            layer.Compact.LoadGradient(layer.WeightGradient);
            optimizer.Step(layer.Compact.Values, layer.Compact.Gradient, layer.WeightState);
            layer.Compact.Store(layer.Weights);
            optimizer.Step(layer.Bias, layer.BiasGradient, layer.BiasState);
        }

        Assert.Equal(layer.StoredWeights(), fused.Layers[0].StoredWeights());
        Assert.Equal(layer.Bias, fused.Layers[0].Bias);
    }
}
