using Engram.Components.Blocks.Crossbar;
using Engram.Sim.Core;

namespace Engram.Components.Scheduling;

/// <summary>
/// <c>grouped:G</c>: G neurons per step, between the two published schemes. A sweep takes the neurons in the
/// controller's order, G at a time; each step drives every row, reads and converts the G columns together
/// (queueing for shared converters), then activates and latches the G states. G = 1 is <c>async</c>; G ≥ N is
/// <c>sync</c> (one step per sweep, every column, no order drawn). Converged after a sweep that changed nothing.
/// </summary>
public sealed class GroupedScheduler : IRecallScheduler
{
    public GroupedScheduler(int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        GroupSize = groupSize;
    }

    public int GroupSize { get; }

    public string Name => $"grouped:{GroupSize}";

    public IEnumerable<Wait> Run(RecallRun run)
    {
        int n = run.Neurons;
        bool whole = GroupSize >= n;
        var sequence = new int[n];
        var group = new int[Math.Min(GroupSize, n)];
        for (int sweep = 0; sweep < run.MaxIterations; sweep++)
        {
            if (whole)
            {
                for (int i = 0; i < n; i++)
                {
                    sequence[i] = i;
                }
            }
            else
            {
                run.NextSweepOrder(sequence);
            }

            int changed = 0;
            for (int start = 0; start < n; start += group.Length)
            {
                int count = Math.Min(group.Length, n - start);
                sequence.AsSpan(start, count).CopyTo(group);
                Array.Sort(group, 0, count);
                foreach (var w in run.Issue())
                {
                    yield return w;
                }

                foreach (var w in run.Forward(whole ? ColumnSelection.All : ColumnSelection.Of(group, count)))
                {
                    yield return w;
                }

                foreach (var w in run.Activate(count))
                {
                    yield return w;
                }

                for (int i = 0; i < count; i++)
                {
                    changed += run.Update(group[i]) ? 1 : 0;
                }

                run.Updates += count;
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
