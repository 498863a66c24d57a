using System.Globalization;

namespace Engram.Workloads.Capacity;

/// <summary>
/// How many independent pattern subsets each grid P stores, and how many cue trials each gets. The He et al. protocol
/// (<see cref="Paper"/>) draws one subset per P and reuses it for all T trials, so one unlucky subset (two near-identical
/// digits, say) decides a grid point; the robust variants draw K subsets per P with T trials each, or a fresh subset
/// for every trial (K = T, one trial each).
/// </summary>
public sealed record SubsetPlan(int Subsets, int TrialsPerSubset)
{
    public static SubsetPlan Paper(int trials) => new(1, trials);

    public static SubsetPlan Fresh(int trials) => new(trials, 1);

    /// <summary><c>paper</c>, <c>fresh</c> or a subset count K ≥ 1 (K subsets of <paramref name="trials"/> trials each; 1 is the paper protocol).</summary>
    public static SubsetPlan Parse(string text, int trials)
    {
        if (trials < 1)
        {
            throw new ArgumentException("trials must be at least 1");
        }

        return text switch
        {
            "paper" => Paper(trials),
            "fresh" => Fresh(trials),
            _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int k) && k >= 1 => new SubsetPlan(k, trials),
            _ => throw new ArgumentException($"--subsets: '{text}' is not paper, fresh or a subset count ≥ 1"),
        };
    }
}
