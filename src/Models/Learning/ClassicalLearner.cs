using Engram.Models.Networks;

namespace Engram.Models.Learning;

/// <summary>
/// A classical rule (Hebb, pseudo-inverse, Storkey) as a memory learner: weights computed in software, then
/// stuck cells read as 0 (W ⊙ F, as in the He et al. code); sign recall for binary patterns, tanh for continuous.
/// </summary>
public sealed class ClassicalLearner(IWeightRule rule) : IMemoryLearner
{
    public string Name => rule.Name;

    public IAssociativeMemory Learn(double[][] patterns, LearningContext context)
    {
        var w = rule.Learn(patterns);
        int n = patterns[0].Length;
        var stuck = context.Faults.Stuck(0, n, n, context.FaultRate);
        for (int k = 0; k < w.Length; k++)
        {
            if (stuck[k])
            {
                w[k] = 0;
            }
        }

        return new SingleLayerMemory(w, null, context.Continuous, stuck);
    }
}
