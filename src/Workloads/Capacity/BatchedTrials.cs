using Engram.Models.Metrics;
using Engram.Models.Networks;
using Engram.Models.Patterns;

namespace Engram.Workloads.Capacity;

/// <summary>
/// All trials of one grid point recalled as one batch (<see cref="BatchedRecall"/>): every trial's cues are drawn
/// from its own stream in pattern order, exactly as <see cref="CapacityExperiment.Trial(IAssociativeMemory, double[][], CapacitySettings, Random)"/>
/// draws them, then recalled together, and scored per trial in pattern order; so the scores are bit-identical to
/// running the trials one cue at a time. With conductance variation each trial has its own memory, drawn from its
/// stream before its cues, and the batch is that trial's cues.
/// </summary>
internal sealed class BatchedTrials
{
    private readonly BatchedRecall _recall = new();
    private double[] _cues = [];
    private double[] _recalled = [];

    /// <summary>Mean similarity and exact rate of each trial t, with <paramref name="trialRng"/>(t) its stream.</summary>
    public (double Similarity, double Exact)[] Run(IAssociativeMemory memory, double[][] patterns, CapacitySettings settings, Func<int, Random> trialRng)
    {
        int trials = settings.Trials;
        var scores = new (double, double)[trials];
        int batch = settings.Variation > 0 ? patterns.Length : trials * patterns.Length;
        if (_cues.Length < batch * memory.Neurons)
        {
            _cues = new double[batch * memory.Neurons];
            _recalled = new double[batch * memory.Neurons];
        }

        if (settings.Variation > 0)
        {
            for (int t = 0; t < trials; t++)
            {
                var rng = trialRng(t);
                var varied = memory.WithVariation(settings.Variation, rng);
                Draw(patterns, settings, rng, 0);
                Recall(varied, patterns.Length, settings.MaxIterations);
                scores[t] = Score(patterns, 0);
            }

            return scores;
        }

        for (int t = 0; t < trials; t++)
        {
            Draw(patterns, settings, trialRng(t), t);
        }

        Recall(memory, trials * patterns.Length, settings.MaxIterations);
        for (int t = 0; t < trials; t++)
        {
            scores[t] = Score(patterns, t);
        }

        return scores;
    }

    // Trial t's cues into rows t·P … t·P + P − 1.
    private void Draw(double[][] patterns, CapacitySettings settings, Random rng, int trial)
    {
        int p = patterns.Length;
        int n = patterns[0].Length;
        for (int mu = 0; mu < p; mu++)
        {
            var cue = _cues.AsSpan(((trial * p) + mu) * n, n);
            if (settings.Continuous)
            {
                CueCorruption.Gaussian(patterns[mu], settings.CueSigma, rng, cue);
            }
            else
            {
                CueCorruption.FlipBits(patterns[mu], settings.CueFlip, rng, cue);
            }
        }
    }

    private void Recall(IAssociativeMemory memory, int count, int maxIterations) => _recall.Run(memory, _cues, count, maxIterations, _recalled);

    private (double Similarity, double Exact) Score(double[][] patterns, int trial)
    {
        int p = patterns.Length;
        int n = patterns[0].Length;
        double sim = 0;
        int exact = 0;
        for (int mu = 0; mu < p; mu++)
        {
            var recalled = _recalled.AsSpan(((trial * p) + mu) * n, n);
            sim += RecallMetrics.Cosine(recalled, patterns[mu]);
            exact += RecallMetrics.ExactRecall(recalled, patterns[mu]) ? 1 : 0;
        }

        return (sim / p, (double)exact / p);
    }
}
