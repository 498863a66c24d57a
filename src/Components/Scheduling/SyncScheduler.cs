using Engram.Components.Blocks.Crossbar;
using Engram.Sim.Core;

namespace Engram.Components.Scheduling;

/// <summary><c>sync</c>: every iteration reads all columns, converts them, and updates all neurons at once; converged when nothing changed.</summary>
public sealed class SyncScheduler : IRecallScheduler
{
    public string Name => "sync";

    public IEnumerable<Wait> Run(RecallRun run)
    {
        for (int it = 0; it < run.MaxIterations; it++)
        {
            foreach (var w in run.Issue())
            {
                yield return w;
            }

            foreach (var w in run.Forward(ColumnSelection.All))
            {
                yield return w;
            }

            foreach (var w in run.Activate(run.Neurons))
            {
                yield return w;
            }

            int changed = run.UpdateAll();
            run.Iterations++;
            run.Updates += run.Neurons;
            if (changed == 0)
            {
                run.Converged = true;
                yield break;
            }
        }
    }
}
