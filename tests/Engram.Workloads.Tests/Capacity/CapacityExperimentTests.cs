using Engram.Models.Learning;
using Engram.Models.Networks;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>The He et al. capacity protocol (docs/associative-memory.md) on the classical rules.</summary>
public class CapacityExperimentTests
{
    [Fact]
    public void Pseudo_inverse_stores_up_to_N_random_patterns_as_exact_fixed_points_without_faults()
    {
        // With clean cues (c = 0) every stored pattern must be a fixed point: W ξ = ξ for the projector, and zeroing
        // the diagonal and scaling keep sign(W ξ) = ξ as long as the projector's diagonal P/N stays below 1, i.e.
        // P < N. At P = N the projector is the identity and nothing is left after the diagonal is zeroed.
        const int N = 32;
        var settings = new CapacitySettings { Neurons = N, Grid = [1, 4, 8, 16, 24, 31], Trials = 2, CueFlip = 0, Seed = 7 };
        var report = CapacityExperiment.Run(LearnerCatalog.Create("pinv"), settings);
        Assert.All(report.Runs[0].Curve.Points, p =>
        {
            Assert.Equal(1.0, p.Exact);
            Assert.Equal(1.0, p.Similarity, 12);
        });
        Assert.Equal(31, report.Runs[0].Capacity099);
    }

    [Fact]
    public void Pseudo_inverse_patterns_are_fixed_points_of_one_step()
    {
        const int N = 40;
        var rng = new Random(5);
        var patterns = Models.Patterns.RandomPatterns.Binary(N - 1, N, rng);
        var memory = new ClassicalLearner(new PseudoInverseRule()).Learn(patterns, new LearningContext(FaultDraws.None, 0, false, rng));
        var next = new double[N];
        foreach (var xi in patterns)
        {
            memory.Step(xi, next);
            Assert.Equal(xi, next);
        }
    }

    [Fact]
    public void Hebb_capacity_on_random_patterns_is_near_0_14_N()
    {
        // Amit–Gutfreund–Sompolinsky: below α_c ≈ 0.138 the retrieval state has overlap m ≥ 0.967 with the stored
        // pattern, above it retrieval collapses. So capacity at τ = 0.95 (between m(α_c) and the collapse) tracks
        // 0.138·N; cues with c = 0.05 (overlap 0.9) are well inside the basins below α_c. Finite size (N = 200)
        // and a fresh random subset per P make it noisy: seeds 1..3 give 24, 24, 28 = 0.13·N on average, with 5
        // trials per point as with 10; we accept a mean in [0.10·N, 0.18·N].
        const int N = 200;
        double mean = new ulong[] { 1, 2, 3 }.Average(seed =>
        {
            var settings = new CapacitySettings { Neurons = N, Grid = [.. Enumerable.Range(1, 25).Select(k => 2 * k)], Trials = 5, CueFlip = 0.05, Seed = seed };
            return CapacityExperiment.Run(LearnerCatalog.Create("hebb"), settings).Runs[0].Capacity095;
        });
        Assert.InRange(mean, 0.10 * N, 0.18 * N);
    }

    [Fact]
    public void Results_for_a_seed_do_not_depend_on_the_thread_count()
    {
        CapacityReport Run(int threads) => CapacityExperiment.Run(
            LearnerCatalog.Create("pinv"),
            new CapacitySettings { Neurons = 36, Grid = [4, 12, 20, 28, 36], FaultRates = [0, 0.2], Trials = 6, Variation = 0.05, Seed = 3, Threads = threads });

        var one = Run(1);
        foreach (int threads in new[] { 2, 4 })
        {
            var other = Run(threads);
            Assert.Equal(one.Runs.Count, other.Runs.Count);
            for (int r = 0; r < one.Runs.Count; r++)
            {
                Assert.Equal(one.Runs[r].Curve.Points, other.Runs[r].Curve.Points);
            }
        }

        // The variation and faults do something, so the comparison is not trivially between perfect curves.
        Assert.Contains(one.Runs[1].Curve.Points, p => p.Similarity < 0.99);
    }

    [Fact]
    public void Fault_maps_are_nested_across_rates_and_more_faults_never_help_much()
    {
        var settings = new CapacitySettings { Neurons = 32, Grid = [2, 4, 6, 8, 10, 12], FaultRates = [0, 0.3, 0.6], Trials = 4, Seed = 2 };
        var report = CapacityExperiment.Run(LearnerCatalog.Create("pinv"), settings);
        Assert.True(report.Runs[0].Capacity095 >= report.Runs[2].Capacity095);

        // The experiment itself hands every learn the fault draws: the stuck cells at 0.3 are a subset of those at
        // 0.6, and for one rate they are the same for every P.
        var spy = new FaultSpy(LearnerCatalog.Create("pinv"));
        CapacityExperiment.Run(spy, settings with { Trials = 1 });
        var seen = spy.Masks();
        Assert.Equal(settings.FaultRates.Count * settings.Grid.Count, seen.Count);
        foreach (double rate in settings.FaultRates)
        {
            var masks = seen.Where(m => m.Rate == rate).ToList();
            Assert.Equal(settings.Grid.Order(), masks.Select(m => m.Patterns).Order());
            Assert.All(masks, m => Assert.Equal(masks[0].Stuck, m.Stuck));
        }

        Assert.All(seen.Where(m => m.Rate == 0), m => Assert.DoesNotContain(true, m.Stuck));
        foreach (var p in settings.Grid)
        {
            var low = seen.Single(m => m.Rate == 0.3 && m.Patterns == p).Stuck;
            var high = seen.Single(m => m.Rate == 0.6 && m.Patterns == p).Stuck;
            Assert.All(Enumerable.Range(0, low.Length), k => Assert.True(!low[k] || high[k], $"cell {k} stuck at 0.3 but not at 0.6"));
            Assert.Contains(true, low);
            Assert.True(high.Count(x => x) > low.Count(x => x));
        }
    }

    /// <summary>Records, per learn, the stuck-cell mask the experiment's context gives for an N×N layer 0.</summary>
    private sealed class FaultSpy(IMemoryLearner inner) : IMemoryLearner
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<(double Rate, int Patterns, bool[] Stuck)> _masks = [];

        public string Name => inner.Name;

        public IAssociativeMemory Learn(double[][] patterns, LearningContext context)
        {
            int n = patterns[0].Length;
            _masks.Add((context.FaultRate, patterns.Length, context.Faults.Stuck(0, n, n, context.FaultRate)));
            return inner.Learn(patterns, context);
        }

        public List<(double Rate, int Patterns, bool[] Stuck)> Masks() => [.. _masks];
    }

    [Fact]
    public void Continuous_random_patterns_and_digit_pools_run_through_the_protocol()
    {
        var continuous = CapacityExperiment.Run(
            LearnerCatalog.Create("pinv"),
            new CapacitySettings { Neurons = 16, Continuous = true, Grid = [1, 2, 4], Trials = 2, MaxIterations = 20 });
        // One stored pattern (a projector onto it): every Gaussian cue settles on the pattern's signs; tanh recall
        // does not saturate, so the cosine stays below 1.
        Assert.Equal(1.0, continuous.Runs[0].Curve.Points[0].Exact);
        Assert.InRange(continuous.Runs[0].Curve.Points[0].Similarity, 0.9, 1.0);

        var digits = CapacityExperiment.Run(
            LearnerCatalog.Create("hebb"),
            new CapacitySettings { Neurons = 64, Source = PatternSource.Digits, Grid = [1, 2, 3], Trials = 2 });
        Assert.Equal(1.0, digits.Runs[0].Curve.Points[0].Similarity, 6);

        var mnist = CapacityExperiment.Run(
            LearnerCatalog.Create("pinv"),
            new CapacitySettings { Neurons = 100, Source = PatternSource.Mnist, Grid = [1, 5], Trials = 2 });
        // Few digit images (P ≪ N = 100) are fixed points of the pseudo-inverse: recalled exactly from every cue.
        Assert.All(mnist.Runs[0].Curve.Points, p =>
        {
            Assert.Equal(1.0, p.Exact);
            Assert.Equal(1.0, p.Similarity, 12);
        });
    }

    [Fact]
    public void Recall_with_a_two_cycle_matches_running_every_iteration()
    {
        // W = −1 off the diagonal on two neurons: (1, 1) → (−1, −1) → (1, 1) …
        var memory = new SingleLayerMemory([0, -1, -1, 0], null, continuous: false);
        Assert.Equal([-1.0, -1], SynchronousRecall.Once(memory, [1.0, 1], 101));
        Assert.Equal([1.0, 1], SynchronousRecall.Once(memory, [1.0, 1], 102));
        Assert.Equal([1.0, 1], SynchronousRecall.Once(memory, [1.0, 1], 2));
        Assert.Equal([-1.0, -1], SynchronousRecall.Once(memory, [1.0, 1], 1));
    }

    [Fact]
    public void Recall_with_any_cycle_matches_running_every_iteration()
    {
        var rotate = new Rotation();
        double[] cue = [1, -1, -1, 1, -1];
        for (int k = 1; k <= 23; k++)
        {
            var brute = cue.ToArray();
            var next = new double[cue.Length];
            for (int t = 0; t < k; t++)
            {
                rotate.Step(brute, next);
                (brute, next) = (next, brute);
            }

            Assert.Equal(brute, SynchronousRecall.Once(rotate, cue, k));
        }
    }

    [Fact]
    public void A_learner_error_surfaces_as_itself_not_as_an_aggregate()
    {
        var settings = new CapacitySettings { Neurons = 8, Grid = [1, 2, 3], Trials = 1, Threads = 2 };
        Assert.Throws<NotSupportedException>(() => CapacityExperiment.Run(new FailingLearner(), settings));
    }

    private sealed class FailingLearner : IMemoryLearner
    {
        public string Name => "failing";

        public IAssociativeMemory Learn(double[][] patterns, LearningContext context) => throw new NotSupportedException("no");
    }

    /// <summary>A 5-cycle: the state rotated by one position per step.</summary>
    private sealed class Rotation : IAssociativeMemory
    {
        public int Neurons => 5;

        public bool Continuous => false;

        public void Step(ReadOnlySpan<double> state, Span<double> next)
        {
            for (int i = 0; i < state.Length; i++)
            {
                next[(i + 1) % state.Length] = state[i];
            }
        }

        public IAssociativeMemory WithVariation(double sigma, Random rng) => this;
    }

    [Fact]
    public void Every_rule_name_has_its_learner_and_unknown_rules_are_refused()
    {
        Assert.IsType<AdaptiveLearner>(LearnerCatalog.Create("adaptive"));
        Assert.Equal(32, Assert.IsType<MultilayerLearner>(LearnerCatalog.Create("multilayer", 32)).Options.Hidden);
        Assert.Throws<ArgumentException>(() => LearnerCatalog.Create("oja"));
        Assert.Equal("storkey", LearnerCatalog.Create("storkey").Name);
    }
}
