using System.Text.Json;
using Engram.Workloads.Reports;
using Engram.Workloads.Tests.Traces;

namespace Engram.Workloads.Tests.Reports;

public class ReportTests
{
    private static readonly Stat[] Sample =
    [
        new("chip.recall.energy", 1.25e-12, "Joule", "energy per recall"),
        new("chip.recall.iterations", 3, "Count", "iterations to converge"),
    ];

    [Fact]
    public void Stats_text_is_gem5_style_and_json_holds_the_same_numbers()
    {
        string text = StatsWriter.Text(Sample);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("---------- Begin Simulation Statistics ----------", lines[0]);
        Assert.Matches(@"^chip\.recall\.energy\s+1\.25E-12  # energy per recall \(Joule\)$", lines[1]);
        Assert.Matches(@"^chip\.recall\.iterations\s+3  # iterations to converge \(Count\)$", lines[2]);
        using var doc = JsonDocument.Parse(StatsWriter.Json(Sample));
        var stats = doc.RootElement.GetProperty("stats");
        Assert.Equal(1.25e-12, stats[0].GetProperty("value").GetDouble());
        Assert.Equal("Count", stats[1].GetProperty("unit").GetString());
    }

    [Fact]
    public void Breakdown_rows_are_the_ledger_rows_and_the_total_row_is_the_ledger_total()
    {
        var ledger = TraceWriterTests.SmallLedger();
        var expected = ledger.Breakdown();
        string csv = BreakdownCsv.Write(expected, new Dictionary<string, double> { ["tile0/adc0"] = 124, ["tile0/xbar0"] = 94 });
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Count + 1, rows.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].ComponentPath, rows[i][0]);
            Assert.Equal(expected[i].Action, rows[i][1]);
            Assert.Equal(expected[i].Count, long.Parse(rows[i][2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].EnergyJ, double.Parse(rows[i][3], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].BusyPs, long.Parse(rows[i][4], System.Globalization.CultureInfo.InvariantCulture));
        }

        double total = double.Parse(rows[^1][3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("total", rows[^1][0]);
        Assert.Equal(1, ledger.TotalEnergyJ / total, 12);
        Assert.Equal("218", rows[^1][5]);
    }

    [Fact]
    public void Output_folder_appears_only_on_commit()
    {
        using var temp = new TempDir("engram-out-");
        string target = temp.Combine("out");
        using (var folder = new OutputFolder(target))
        {
            folder.WriteText("stats.txt", "x");
            Assert.False(Directory.Exists(target));
        }

        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));

        using (var folder = new OutputFolder(target))
        {
            folder.WriteText("stats.txt", "first");
            folder.Commit();
        }

        using (var folder = new OutputFolder(target))
        {
            folder.WriteText("stats.txt", "second");
            folder.Commit();
        }

        Assert.Equal("second", File.ReadAllText(Path.Combine(target, "stats.txt")));
    }
}
