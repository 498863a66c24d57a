using Engram.Components.Blocks.Crossbar;
using Engram.Sim.Core;

namespace Engram.Components.Scheduling;

/// <summary>
/// <c>async</c>: one neuron per update (all rows driven, one column read and converted), N updates a sweep in the
/// controller's order; converged after a sweep that changed nothing.
/// </summary>
public sealed class AsyncScheduler : IRecallScheduler
{
    public string Name => "async";

    public IEnumerable<Wait> Run(RecallRun run)
    {
        var sequence = new int[run.Neurons];
        for (int sweep = 0; sweep < run.MaxIterations; sweep++)
        {
            run.NextSweepOrder(sequence);
            int changed = 0;
            foreach (int j in sequence)
            {
                foreach (var w in run.Issue())
                {
                    yield return w;
                }

                foreach (var w in run.Forward(ColumnSelection.One(j)))
                {
                    yield return w;
                }

                foreach (var w in run.Activate(1))
                {
                    yield return w;
                }

                changed += run.Update(j) ? 1 : 0;
                run.Updates++;
            }

            run.Iterations++;
            if (changed == 0)
            {
                run.Converged = true;
                yield break;
            }
        }
    }
}
