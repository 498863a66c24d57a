using Engram.Sim.Random;

namespace Engram.Workloads.Capacity;

/// <summary>
/// The named streams of one capacity run, by subset draw <c>s</c> (<see cref="CapacitySettings.SubsetDraw"/>).
/// Draw 0 uses the He et al. protocol's names ("capacity/subset", P), ("capacity/learn", P) and
/// ("capacity/trial/pP", t), so a run with one draw is the paper protocol unchanged; draw s ≥ 1 appends "/s{s}"
/// to each name, which gives every draw its own pattern subsets, learner streams and cues. The pool and the
/// fault draws are shared by every draw.
/// </summary>
internal static class CapacityStreams
{
    public static RandomStream Subset(RandomStreams streams, int draw, int p) => streams.Stream(Name("capacity/subset", draw), p);

    public static RandomStream Learn(RandomStreams streams, int draw, int p) => streams.Stream(Name("capacity/learn", draw), p);

    public static RandomStream Trial(RandomStreams streams, int draw, int p, int trial) => streams.Stream(Name($"capacity/trial/p{p}", draw), trial);

    /// <summary>The P distinct pool patterns stored at every grid point, for one draw.</summary>
    public static double[][][] Subsets(double[][] pool, IReadOnlyList<int> grid, RandomStreams streams, int draw)
    {
        var subsets = new double[grid.Count][][];
        for (int g = 0; g < grid.Count; g++)
        {
            var index = PatternPool.DistinctIndices(pool.Length, grid[g], Subset(streams, draw, grid[g]));
            subsets[g] = [.. index.Select(i => pool[i])];
        }

        return subsets;
    }

    private static string Name(string path, int draw) => draw == 0 ? path : $"{path}/s{draw}";
}
