using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

public class ShardSelectorTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Command_line_wins_over_the_environment()
    {
        var shard = ShardSelector.Resolve(1, 3, Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")));
        Assert.Equal((1, 3), (shard.Index, shard.Count));
    }

    [Fact]
    public void Slurm_array_task_comes_next_offset_by_its_minimum()
    {
        Assert.Equal((2, 4), Pair(ShardSelector.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("JOB_COMPLETION_INDEX", "1")))));
        Assert.Equal((0, 4), Pair(ShardSelector.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4")))));
    }

    [Fact]
    public void Kubernetes_completion_index_then_the_default()
    {
        Assert.Equal((1, 3), Pair(ShardSelector.Resolve(null, 3, Env(("JOB_COMPLETION_INDEX", "1")))));
        Assert.Throws<ArgumentException>(() => ShardSelector.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "1"))));
        Assert.Equal((0, 1), Pair(ShardSelector.Resolve(null, null, Env())));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public void Out_of_range_shards_are_refused(int shard, int shards) =>
        Assert.Throws<ArgumentException>(() => ShardSelector.Resolve(shard, shards, Env()));

    [Fact]
    public void Shards_partition_the_points()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        var taken = Enumerable.Range(0, 4).SelectMany(i => sweep.Points.Where(new Shard(i, 4, "test").Takes)).Select(p => p.Index).Order();
        Assert.Equal(sweep.Points.Select(p => p.Index), taken);
    }

    private static (int, int) Pair(Shard s) => (s.Index, s.Count);
}
