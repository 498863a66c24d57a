using Engram.Models.Networks;
using Engram.Models.Patterns;
using Engram.Workloads.Capacity;

namespace Engram.Workloads.Tests.Capacity;

/// <summary>A grid point's trials recalled as one batch score exactly as the trials run cue by cue.</summary>
public class BatchedTrialsTests
{
    [Theory]
    [InlineData("pinv", false, 0.0)]
    [InlineData("hebb", false, 0.0)]
    [InlineData("adaptive", false, 0.0)]
    [InlineData("adaptive", true, 0.0)]
    [InlineData("pinv", false, 0.1)]
    [InlineData("multilayer", false, 0.05)]
    public void Batched_trials_score_bit_for_bit_as_the_cue_by_cue_trials(string rule, bool continuous, double variation)
    {
        const int n = 20;
        var settings = new CapacitySettings { Neurons = n, Grid = [12], Trials = 6, Continuous = continuous, Variation = variation, CueFlip = 0.15, MaxIterations = 40 };
        var rng = new Random(rule.Length);
        var patterns = continuous ? RandomPatterns.Continuous(12, n, rng) : RandomPatterns.Binary(12, n, rng);
        var learner = rule == "adaptive" ? new Models.Learning.AdaptiveLearner(new Models.Learning.AdaptiveOptions(MaxEpochs: 150)) : LearnerCatalog.Create(rule, 10);
        var memory = learner.Learn(patterns, new LearningContext(new FaultDraws(new Random(3)), 0.2, continuous, new Random(4)));
        var batched = new BatchedTrials().Run(memory, patterns, settings, t => new Random(100 + t));
        for (int t = 0; t < settings.Trials; t++)
        {
            var alone = CapacityExperiment.Trial(memory, patterns, settings, new Random(100 + t));
            Assert.Equal(alone, batched[t]);
        }
    }
}
