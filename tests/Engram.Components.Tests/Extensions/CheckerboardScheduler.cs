using Engram.Components.Blocks.Crossbar;
using Engram.Components.Scheduling;
using Engram.Sim.Core;

namespace Engram.Components.Tests.Extensions;

/// <summary>
/// A schedule from the test project: two steps per sweep, the even neurons together, then the odd ones (a
/// red-black update). Each step reads and converts N/2 columns.
/// </summary>
internal sealed class CheckerboardScheduler : IRecallScheduler
{
    public string Name => "checkerboard";

    public IEnumerable<Wait> Run(RecallRun run)
    {
        int n = run.Neurons;
        var halves = new[] { Enumerable.Range(0, n).Where(i => i % 2 == 0).ToArray(), Enumerable.Range(0, n).Where(i => i % 2 == 1).ToArray() };
        for (int sweep = 0; sweep < run.MaxIterations; sweep++)
        {
            int changed = 0;
            foreach (var half in halves)
            {
                foreach (var w in run.Issue())
                {
                    yield return w;
                }

                foreach (var w in run.Forward(ColumnSelection.Of(half, half.Length)))
                {
                    yield return w;
                }

                foreach (var w in run.Activate(half.Length))
                {
                    yield return w;
                }

                foreach (int i in half)
                {
                    changed += run.Update(i) ? 1 : 0;
                }

                run.Updates += half.Length;
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
