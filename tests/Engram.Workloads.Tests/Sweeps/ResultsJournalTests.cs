using System.Text;
using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Tests.Sweeps;

public class ResultsJournalTests
{
    private static SweepResult Result(int index, string sweep = "s1") => new()
    {
        Sweep = sweep,
        Index = index,
        Id = $"id{index}",
        Axes = new Dictionary<string, string> { ["a"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Metrics = new Dictionary<string, double> { ["m"] = index * 0.1, ["nan"] = double.NaN },
    };

    [Fact]
    public void A_torn_last_line_is_ignored_and_cut_before_appending()
    {
        using var dir = new TempDir();
        string path = dir.Combine("results-0.jsonl");
        using (var journal = ResultsJournal.Open(path, "s1"))
        {
            Assert.True(journal.Append(Result(0)));
            Assert.True(journal.Append(Result(1)));
        }

        // A kill in the middle of a write leaves part of a line without its newline.
        File.AppendAllText(path, "{\"sweep\":\"s1\",\"index\":2,\"id\":\"id2\",\"ax");
        Assert.Equal([0, 1], ResultsJournal.Read(path).Select(r => r.Index));
        using (var journal = ResultsJournal.Open(path, "s1"))
        {
            Assert.Equal(2, journal.Done.Count);
            Assert.True(journal.Append(Result(2)));
        }

        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal([0, 1, 2], ResultsJournal.Read(path).Select(r => r.Index));
        Assert.True(double.IsNaN(ResultsJournal.Read(path)[0].Metrics["nan"]));
    }

    [Fact]
    public void A_point_is_never_recorded_twice()
    {
        using var dir = new TempDir();
        string path = dir.Combine("results-0.jsonl");
        using (var journal = ResultsJournal.Open(path, "s1"))
        {
            Assert.True(journal.Append(Result(0)));
            Assert.False(journal.Append(Result(0)));
        }

        using (var journal = ResultsJournal.Open(path, "s1"))
        {
            Assert.False(journal.Append(Result(0)));
        }

        Assert.Single(ResultsJournal.Read(path));
    }

    [Fact]
    public void Another_sweeps_journal_and_a_corrupt_line_are_refused()
    {
        using var dir = new TempDir();
        string path = dir.Combine("results-0.jsonl");
        using (var journal = ResultsJournal.Open(path, "s1"))
        {
            journal.Append(Result(0));
        }

        Assert.Throws<InvalidDataException>(() => ResultsJournal.Open(path, "s2"));
        File.AppendAllText(path, "not json\n");
        var ex = Assert.Throws<InvalidDataException>(() => ResultsJournal.Read(path));
        Assert.Contains("results-0.jsonl:2:", ex.Message, StringComparison.Ordinal);
    }
}
