using Engram.Workloads.Sweeps;
using Parquet;
using Parquet.Schema;

namespace Engram.Workloads.Tests.Sweeps;

public class SweepMergeTests
{
    [Fact]
    public void Four_shards_and_two_jobs_merge_to_the_bytes_of_one_process()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        string single = dir.Combine("single");
        SweepRunner.Run(sweep, single, new Shard(0, 1, "test"), jobs: 1);
        string sharded = dir.Combine("sharded");
        for (int i = 3; i >= 0; i--)
        {
            SweepRunner.Run(sweep, sharded, new Shard(i, 4, "test"), jobs: 2);
        }

        var one = SweepMerge.Read(single);
        var four = SweepMerge.Read(sharded);
        Assert.Empty(one.Missing);
        Assert.Empty(four.Missing);
        Assert.Equal(SweepMerge.Csv(one), SweepMerge.Csv(four));
        Assert.Equal(SweepMerge.Parquet(one), SweepMerge.Parquet(four));
        Assert.Equal(4, Directory.GetFiles(sharded, "results-*.jsonl").Length);
        Assert.Equal(sweep.Points.Count + 1, SweepMerge.Csv(one).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_rerun_skips_finished_points()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        string outDir = dir.Combine("out");
        var first = SweepRunner.Run(sweep, outDir, new Shard(0, 1, "test"), jobs: 2);
        var second = SweepRunner.Run(sweep, outDir, new Shard(0, 1, "test"), jobs: 2);
        Assert.Equal((0, 6), (first.Skipped, first.Ran));
        Assert.Equal((6, 0), (second.Skipped, second.Ran));
        Assert.Equal(6, ResultsJournal.Read(first.JournalPath).Count);
    }

    [Fact]
    public async Task Parquet_holds_the_csv_rows_with_typed_columns()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        string outDir = dir.Combine("out");
        SweepRunner.Run(sweep, outDir, new Shard(0, 1, "test"), jobs: 1);
        var table = SweepMerge.Read(outDir);
        SweepMerge.Write(outDir, table);

        var (bits, energy) = await ReadParquet(Path.Combine(outDir, SweepMerge.ParquetFileName));
        Assert.Equal(table.Rows.Select(r => long.Parse(r.Axes["periphery.adc.bits"], System.Globalization.CultureInfo.InvariantCulture)), bits);
        Assert.Equal(table.Rows.Select(r => r.Metrics["sync_energy_j"]), energy);
        Assert.StartsWith("point,id,periphery.adc.bits,periphery.adc.columns_per_adc,sync_energy_j,", File.ReadAllText(Path.Combine(outDir, SweepMerge.CsvFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_points_are_named_and_other_sweeps_refused()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        string outDir = dir.Combine("out");
        SweepRunner.Run(sweep, outDir, new Shard(1, 2, "test"), jobs: 1);
        var table = SweepMerge.Read(outDir);
        Assert.Equal([0, 2, 4], table.Missing.Select(p => p.Index));
        Assert.Equal("point 2 (periphery.adc.bits=4, periphery.adc.columns_per_adc=8)", table.Describe(table.Missing[1]));

        var other = SweepFixtures.Small(dir, "other");
        Assert.Throws<InvalidDataException>(() => SweepRunner.Run(other, outDir, new Shard(0, 2, "test"), jobs: 1));

        // A journal of another sweep copied in beside the manifest.
        string elsewhere = dir.Combine("elsewhere");
        SweepRunner.Run(other, elsewhere, new Shard(0, 2, "test"), jobs: 1);
        File.Copy(Path.Combine(elsewhere, "results-0.jsonl"), Path.Combine(outDir, "results-0.jsonl"));
        var ex = Assert.Throws<InvalidDataException>(() => SweepMerge.Read(outDir));
        Assert.Contains("another sweep file", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<(long[] Bits, double[] Energy)> ReadParquet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        using var group = reader.OpenRowGroupReader(0);
        var bitsField = (DataField)reader.Schema.Fields.Single(f => f.Name == "periphery.adc.bits");
        var energyField = (DataField)reader.Schema.Fields.Single(f => f.Name == "sync_energy_j");
        var bits = new long[group.RowCount];
        var energy = new double[group.RowCount];
        await group.ReadAsync<long>(bitsField, bits);
        await group.ReadAsync<double>(energyField, energy);
        return (bits, energy);
    }
}
