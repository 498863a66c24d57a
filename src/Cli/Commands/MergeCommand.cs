using System.CommandLine;
using Engram.Workloads.Sweeps;

namespace Engram.Cli.Commands;

/// <summary><c>engram merge DIR</c>: every shard's results into DIR/sweep.csv and DIR/sweep.parquet, in point order.</summary>
public static class MergeCommand
{
    /// <summary>Exit code when points are missing: the data are fine but the sweep is not finished.</summary>
    public const int Incomplete = 3;

    public static Command Build()
    {
        var dir = new Argument<string>("dir") { Description = "output folder of engram sweep (all shards)" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "write the points finished so far instead of refusing" };
        var command = new Command("merge", "Merge a sweep's shards into sweep.csv and sweep.parquet.") { dir, allowMissing };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string folder = parse.GetValue(dir)!;
            SweepTable table;
            try
            {
                table = SweepMerge.Read(folder);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"engram merge: {ex.Message}");
                return ChipInput.BadInput;
            }

            if (table.Missing.Count > 0)
            {
                error.WriteLine($"engram merge: {table.Missing.Count} of {table.Manifest.Points.Count} points are missing:");
                foreach (var point in table.Missing)
                {
                    error.WriteLine($"  {table.Describe(point)} {point.Id} (shard i of n runs it when index mod n = i)");
                }

                if (!parse.GetValue(allowMissing))
                {
                    error.WriteLine("engram merge: nothing written; finish the sweep (re-run its shards) or pass --allow-missing");
                    return Incomplete;
                }
            }

            SweepMerge.Write(folder, table);
            output.WriteLine($"merged {table.Rows.Count} of {table.Manifest.Points.Count} points of sweep {table.Manifest.Name} -> " +
                $"{Path.Combine(folder, SweepMerge.CsvFileName)}, {Path.Combine(folder, SweepMerge.ParquetFileName)}");
            return 0;
        });
        return command;
    }
}
