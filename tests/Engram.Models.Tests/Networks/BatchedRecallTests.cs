using Engram.Models.Learning;
using Engram.Models.Networks;
using Engram.Models.Patterns;
using Engram.Models.Tests.Learning;

namespace Engram.Models.Tests.Networks;

/// <summary>Batched recall against recalling each cue alone: the same bits, whatever the batch.</summary>
public class BatchedRecallTests
{
    public static TheoryData<string, bool> Memories() => new()
    {
        { "pinv", false },
        { "hebb", false },
        { "adaptive", false },
        { "adaptive", true },
        { "multilayer", false },
    };

    [Theory]
    [MemberData(nameof(Memories))]
    public void Batched_recall_equals_recalling_every_cue_alone_bit_for_bit(string rule, bool continuous)
    {
        const int n = 24;
        var rng = new Random(rule.Length + (continuous ? 7 : 0));
        // Above capacity (P = n for pinv, many for Hebb) recall wanders: fixed points, 2-cycles and longer runs all occur.
        var patterns = continuous ? RandomPatterns.Continuous(18, n, rng) : RandomPatterns.Binary(18, n, rng);
        var memory = Memory(rule, patterns, continuous);
        var cues = new double[5 * patterns.Length * n];
        for (int c = 0; c < 5 * patterns.Length; c++)
        {
            var cue = cues.AsSpan(c * n, n);
            if (continuous)
            {
                CueCorruption.Gaussian(patterns[c % patterns.Length], 0.6, rng, cue);
            }
            else
            {
                CueCorruption.FlipBits(patterns[c % patterns.Length], 0.2, rng, cue);
            }
        }

        int count = cues.Length / n;
        foreach (int k in new[] { 1, 2, 3, 17, 100 })
        {
            var batched = new double[cues.Length];
            new BatchedRecall().Run(memory, cues, count, k, batched);
            var alone = new SynchronousRecall(n);
            for (int c = 0; c < count; c++)
            {
                var expected = alone.Run(memory, cues.AsSpan(c * n, n), k).ToArray();
                Assert.True(expected.AsSpan().SequenceEqual(batched.AsSpan(c * n, n)), $"{rule}, K = {k}: cue {c} differs");
            }
        }
    }

    [Fact]
    public void A_batched_step_equals_stepping_each_state_alone()
    {
        const int n = 37; // scalar tails in every block of the product kernel
        var rng = new Random(3);
        var w = Enumerable.Range(0, n * n).Select(_ => (2 * rng.NextDouble()) - 1).ToArray();
        var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var memory = new SingleLayerMemory(w, b, continuous: true);
        const int count = 13;
        var states = Enumerable.Range(0, count * n).Select(_ => (2 * rng.NextDouble()) - 1).ToArray();
        var batched = new double[count * n];
        memory.StepBatch(states, batched, count);
        var one = new double[n];
        for (int r = 0; r < count; r++)
        {
            memory.Step(states.AsSpan(r * n, n), one);
            Assert.True(one.AsSpan().SequenceEqual(batched.AsSpan(r * n, n)), $"row {r}");

            // The field is b_i + Σ_j W_ij s_j as one FMA chain in j order.
            for (int i = 0; i < n; i++)
            {
                double u = b[i];
                for (int j = 0; j < n; j++)
                {
                    u = Math.FusedMultiplyAdd(w[(i * n) + j], states[(r * n) + j], u);
                }

                Assert.Equal(Math.Tanh(u), one[i]);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Transposed_recall_of_a_sparse_memory_equals_the_dense_step_cue_by_cue(bool continuous)
    {
        // Half the weights stuck at 0, and hundreds of cues finishing at different steps: the transposed product over the
        // nonzero weights (blocks of eight, four and one vectors of cues) and the packing of finished cues against
        // SynchronousRecall, whose steps run the dense product.
        const int n = 64;
        var rng = new Random(continuous ? 12 : 11);
        var patterns = continuous ? RandomPatterns.Continuous(40, n, rng) : RandomPatterns.Binary(40, n, rng);
        var w = Enumerable.Range(0, n * n).Select(k => k % (n + 1) == 0 || rng.NextDouble() < 0.5 ? 0 : (2 * rng.NextDouble()) - 1).ToArray();
        foreach (var pattern in patterns.Take(8))
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (w[(i * n) + j] != 0)
                    {
                        w[(i * n) + j] += 0.2 * pattern[i] * pattern[j];
                    }
                }
            }
        }

        var memory = new SingleLayerMemory(w, Enumerable.Range(0, n).Select(_ => 0.1 * (rng.NextDouble() - 0.5)).ToArray(), continuous);
        const int count = 333;
        var cues = new double[count * n];
        for (int c = 0; c < count; c++)
        {
            var cue = cues.AsSpan(c * n, n);
            if (continuous)
            {
                CueCorruption.Gaussian(patterns[c % patterns.Length], 0.3, rng, cue);
            }
            else
            {
                CueCorruption.FlipBits(patterns[c % patterns.Length], 0.1, rng, cue);
            }
        }

        var recall = new BatchedRecall();
        foreach (int k in new[] { 1, 2, 5, 100 })
        {
            var batched = new double[cues.Length];
            recall.Run(memory, cues, count, k, batched);
            var alone = new SynchronousRecall(n);
            for (int c = 0; c < count; c++)
            {
                var expected = alone.Run(memory, cues.AsSpan(c * n, n), k).ToArray();
                Assert.True(expected.AsSpan().SequenceEqual(batched.AsSpan(c * n, n)), $"K = {k}: cue {c} differs");
            }
        }
    }

    [Fact]
    public void Reused_buffers_of_a_larger_batch_do_not_leak_into_a_smaller_one()
    {
        const int n = 16;
        var rng = new Random(9);
        var patterns = RandomPatterns.Binary(20, n, rng);
        var memory = Memory("hebb", patterns, false);
        var recall = new BatchedRecall();
        var big = RandomPatterns.Binary(40, n, rng).SelectMany(p => p).ToArray();
        recall.Run(memory, big, 40, 50, new double[big.Length]);
        var small = big.AsSpan(0, 3 * n).ToArray();
        var result = new double[small.Length];
        recall.Run(memory, small, 3, 50, result);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(SynchronousRecall.Once(memory, small.AsSpan(c * n, n), 50), result.AsSpan(c * n, n).ToArray());
        }
    }

    private static IAssociativeMemory Memory(string rule, double[][] patterns, bool continuous)
    {
        var context = new LearningContext(new FaultDraws(new Random(1)), 0.2, continuous, new Random(2));
        IMemoryLearner learner = rule switch
        {
            "pinv" => new ClassicalLearner(new PseudoInverseRule()),
            "hebb" => new ClassicalLearner(new HebbRule()),
            "adaptive" => new AdaptiveLearner(new AdaptiveOptions(MaxEpochs: 200)),
            _ => new MultilayerLearner(new MultilayerOptions(Hidden: 12, Epochs: 100, LearningRate: 0.01)),
        };
        return learner.Learn(patterns, context);
    }
}
