using Engram.Models.Networks;
using Engram.Workloads.Capacity;
using Engram.Workloads.Tests.Recall;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>The robust capacity variants: several pattern-subset draws per P, pooled, and the exact-recall criterion.</summary>
public class SubsetReplicatesTests
{
    private static CapacitySettings Settings(int threads = 2) => new()
    {
        Neurons = 24,
        Grid = [2, 6, 10, 14, 18],
        FaultRates = [0, 0.3],
        Trials = 4,
        Seed = 5,
        Threads = threads,
    };

    private static string[] Csvs(CapacityReport r) => [CapacityCsv.Curve(r), CapacityCsv.Summary(r), CapacityCsv.SubsetSummary(r), CapacityCsv.SubsetCurve(r)];

    [Fact]
    public void One_subset_per_P_is_the_paper_protocol_unchanged()
    {
        var learner = LearnerCatalog.Create("pinv");
        var paper = CapacityExperiment.Run(learner, Settings());
        var planned = SubsetReplicates.Run(learner, Settings(), SubsetPlan.Parse("paper", 4));
        Assert.Equal(Csvs(paper), Csvs(planned));
        Assert.Equal(SubsetPlan.Paper(4), SubsetPlan.Parse("1", 4));
    }

    [Fact]
    public void Draw_zero_of_several_is_the_paper_protocol_and_the_other_draws_store_other_subsets()
    {
        var learner = LearnerCatalog.Create("pinv");
        var paper = CapacityExperiment.Run(learner, Settings());
        var robust = SubsetReplicates.Run(learner, Settings(), new SubsetPlan(3, 4));
        for (int r = 0; r < paper.Runs.Count; r++)
        {
            var draws = robust.Runs[r].SubsetCurves;
            Assert.Equal(3, draws.Count);
            Assert.Equal(paper.Runs[r].Curve.Points, draws[0].Points);
            Assert.NotEqual(draws[0].Points, draws[1].Points);
            Assert.NotEqual(draws[1].Points, draws[2].Points);
        }
    }

    [Theory]
    [InlineData("3")]
    [InlineData("fresh")]
    public void The_robust_variants_do_not_depend_on_the_thread_count(string subsets)
    {
        var learner = LearnerCatalog.Create("hebb");
        var one = SubsetReplicates.Run(learner, Settings(1), SubsetPlan.Parse(subsets, 4));
        var two = SubsetReplicates.Run(learner, Settings(2), SubsetPlan.Parse(subsets, 4));
        Assert.Equal(Csvs(one), Csvs(two));

        // Faults and load do something, so the comparison is not between perfect curves.
        Assert.Contains(one.Runs[1].Curve.Points, p => p.Similarity < 0.99);
    }

    [Fact]
    public void The_chip_variant_does_not_depend_on_the_thread_count()
    {
        var learner = LearnerCatalog.Create("hebb");
        var settings = Settings() with { Neurons = 16, Grid = [2, 4, 6], FaultRates = [0.2], Trials = 2 };
        var one = SubsetReplicates.RunOnChip(learner, settings with { Threads = 1 }, SpecFixtures.Chip(16, 16), new SubsetPlan(2, 2));
        var two = SubsetReplicates.RunOnChip(learner, settings with { Threads = 2 }, SpecFixtures.Chip(16, 16), new SubsetPlan(2, 2));
        Assert.Equal(Csvs(one.Report), Csvs(two.Report));
        Assert.Equal(CapacityCsv.ChipCosts(one), CapacityCsv.ChipCosts(two));
        Assert.Equal(2, one.Report.Runs[0].SubsetCurves.Count);
    }

    [Fact]
    public void Fresh_subsets_pool_one_trial_per_draw_into_the_mean_and_std_over_draws()
    {
        var learner = LearnerCatalog.Create("hebb");
        var fresh = SubsetReplicates.Run(learner, Settings(), SubsetPlan.Fresh(5));
        Assert.Equal(1, fresh.Settings.Trials);
        foreach (var run in fresh.Runs)
        {
            Assert.Equal(5, run.SubsetCurves.Count);
            for (int i = 0; i < run.Curve.Points.Count; i++)
            {
                var values = run.SubsetCurves.Select(c => c.Points[i].Similarity).ToArray();
                Assert.All(run.SubsetCurves, c => Assert.Equal(0, c.Points[i].SimilarityStd));
                double mean = values.Average();
                double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
                Assert.Equal(mean, run.Curve.Points[i].Similarity, 12);
                Assert.Equal(std, run.Curve.Points[i].SimilarityStd, 12);
                Assert.Equal(std / Math.Sqrt(values.Length), SubsetReplicates.StandardError(values), 12);
            }
        }

        var curve = CapacityCsv.Curve(fresh).Split('\n');
        Assert.EndsWith(",subsets,similarity_se,exact_se", curve[0], StringComparison.Ordinal);
        Assert.Contains(",5,", curve[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_recall_capacity_on_a_memory_whose_exact_rate_is_one_over_P()
    {
        // Cues without flips. Up to P = 3 the memory leaves every state alone, so every cue (its pattern) is recalled
        // exactly; from P = 4 it sends every state to the first stored pattern, so exactly one of the P recalls is
        // exact: exact rate 1/P in every trial and every subset draw.
        var settings = new CapacitySettings { Neurons = 32, Grid = [1, 2, 3, 4, 5, 6, 8], Trials = 3, CueFlip = 0, Seed = 2, Threads = 2 };
        var report = SubsetReplicates.Run(new OneOverPLearner(), settings, new SubsetPlan(2, 3));
        var run = report.Runs[0];
        foreach (var p in run.Curve.Points)
        {
            Assert.Equal(p.Patterns <= 3 ? 1.0 : 1.0 / p.Patterns, p.Exact, 12);
            Assert.Equal(0, p.ExactStd, 12);
        }

        Assert.Equal(3, run.ExactCapacity099);
        Assert.Equal(3, run.ExactCapacity095);
        Assert.Equal(5, run.Curve.ExactCapacity(0.2));
        Assert.Equal(8, run.Curve.ExactCapacity(0.125));
        Assert.Equal(3, run.Capacity099);
        var summary = CapacityCsv.Summary(report).Split('\n');
        Assert.Equal("rule,n,dataset,continuous,fault_rate,variation,trials,capacity_099,capacity_095,capacity_exact_099,capacity_exact_095,subsets", summary[0]);
        Assert.EndsWith(",3,3,2", summary[1], StringComparison.Ordinal);
        var subsets = CapacityCsv.SubsetSummary(report).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, subsets.Length);
        Assert.All(subsets.Skip(1), row => Assert.EndsWith(",3,3", row, StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_subset_plans_are_refused_with_the_option_named()
    {
        foreach (string text in new[] { "0", "-2", "x", "", "2.5" })
        {
            var ex = Assert.Throws<ArgumentException>(() => SubsetPlan.Parse(text, 4));
            Assert.Contains("--subsets", ex.Message, StringComparison.Ordinal);
        }

        Assert.Throws<ArgumentException>(() => (Settings() with { SubsetDraw = -1 }).Validate());
    }

    private sealed class OneOverPLearner : IMemoryLearner
    {
        public string Name => "one-over-p";

        public IAssociativeMemory Learn(double[][] patterns, LearningContext context) => new Constant(patterns.Length <= 3 ? null : patterns[0], patterns[0].Length);
    }

    /// <summary>Identity when <c>target</c> is null, else every state goes to <c>target</c> in one step.</summary>
    private sealed class Constant(double[]? target, int neurons) : IAssociativeMemory
    {
        public int Neurons => neurons;

        public bool Continuous => false;

        public void Step(ReadOnlySpan<double> state, Span<double> next)
        {
            (target is null ? state : target).CopyTo(next);
        }

        public IAssociativeMemory WithVariation(double sigma, Random rng) => this;
    }
}
