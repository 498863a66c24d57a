using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Tests.Traces;

namespace Engram.Cli.Tests;

/// <summary>engram train through the real entry point on the shipped train-digits chip.</summary>
public class TrainCommandTests
{
    private static readonly string[] TrainingPhases = ["forward", "backward", "update", "transfer", "digital"];
    private static readonly string[] TrainingKinds = ["pulse_generator", "column_driver", "digital_unit", "adc", "crossbar", "row_driver"];

    private static string Chip => Path.Combine(RepoPaths.Chips, "train-digits.yaml");

    [Fact]
    public void Shd_trains_the_digits_mlp_and_writes_every_output()
    {
        using var temp = new TempDir("engram-train-");
        string dir = temp.Combine("out");
        var (code, output, error) = CliRunner.Run("train", Chip, "--task", "digits", "--algorithm", "shd", "--epochs", "2", "--samples", "400", "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("epoch 2/2", error, StringComparison.Ordinal);
        Assert.Contains("test accuracy", output, StringComparison.Ordinal);
        foreach (var file in new[] { "training.csv", "stats.txt", "stats.json", "breakdown.csv", "trace.json", "trace.vcd" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        Assert.Empty(ChromeTraceChecker.Check(File.ReadAllText(Path.Combine(dir, "trace.json"))));
        var csv = File.ReadAllLines(Path.Combine(dir, "training.csv"));
        Assert.Equal(3, csv.Length);
        var header = csv[0].Split(',');
        var last = csv[2].Split(',');
        double Column(string name) => double.Parse(last[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);

        // Two epochs of SHD on 400 digits classify well above chance (0.1); one transfer per sample and layer.
        Assert.InRange(Column("test_accuracy"), 0.5, 1.0);
        Assert.True(Column("pulses") > 0);
        Assert.Equal(2 * 400, Column("transfer_events"));

        // Conservation: an epoch's energy is the sum of its training phases (test reads are apart).
        double phases = TrainingPhases.Sum(p => Column($"{p}_energy_j"));
        Assert.Equal(1, phases / Column("energy_j"), 9);
        double blocks = header.Where(h => h.EndsWith("_energy_j", StringComparison.Ordinal) && !h.Contains("write_verify", StringComparison.Ordinal)
            && !TrainingPhases.Concat(["test", "energy"]).Any(p => h == $"{p}_energy_j")).Sum(Column);
        Assert.Equal(1, blocks / Column("energy_j"), 9);
        Assert.True(Column("pulse_generator_energy_j") > 0 && Column("column_driver_energy_j") > 0 && Column("digital_unit_energy_j") > 0);

        // The breakdown's parts sum to the ledger's total, which is the stats' energy.total.
        var rows = File.ReadAllLines(Path.Combine(dir, "breakdown.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        double total = double.Parse(rows[^1][3], CultureInfo.InvariantCulture);
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "stats.json")));
        double ledger = stats.RootElement.GetProperty("stats").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "energy.total").GetProperty("value").GetDouble();
        Assert.Equal(1, ledger / total, 12);
        foreach (var kind in TrainingKinds)
        {
            Assert.Contains(rows, r => r[0].EndsWith("/" + kind, StringComparison.Ordinal) || r[0] == kind);
        }
    }

    [Fact]
    public void The_same_seeds_give_identical_training_csv_on_one_and_two_threads()
    {
        using var temp = new TempDir("engram-train-");
        string one = temp.Combine("one"), two = temp.Combine("two");
        Assert.Equal(0, CliRunner.Run("train", Chip, "--algorithm", "tiki-taka", "--epochs", "1", "--samples", "200", "--seeds", "3,4", "--threads", "1", "--out", one).Code);
        Assert.Equal(0, CliRunner.Run("train", Chip, "--algorithm", "tiki-taka", "--epochs", "1", "--samples", "200", "--seeds", "3,4", "--threads", "2", "--out", two).Code);
        string a = File.ReadAllText(Path.Combine(one, "training.csv"));
        Assert.Equal(a, File.ReadAllText(Path.Combine(two, "training.csv")));
        var lines = a.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.NotEqual(lines[1].Split(',')[5], lines[2].Split(',')[5]);
    }

    [Fact]
    public void A_chip_without_backward_periphery_is_rejected_for_pulse_training_with_the_key()
    {
        using var temp = new TempDir("engram-train-");
        string yaml = File.ReadAllText(Chip).Replace("backward: true", "backward: false", StringComparison.Ordinal)
            .Replace("../devices/softbounds.yaml", Path.Combine(RepoPaths.DeviceCards, "softbounds.yaml"), StringComparison.Ordinal);
        string chip = temp.Combine("no-backward.yaml");
        File.WriteAllText(chip, yaml);
        var (code, _, error) = CliRunner.Run("train", chip, "--algorithm", "sgd", "--epochs", "1", "--out", temp.Combine("out"));
        Assert.Equal(2, code);
        Assert.Contains("training.backward is false", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("out")));

        // The floating-point reference needs no periphery.
        Assert.Equal(0, CliRunner.Run("train", chip, "--algorithm", "fp", "--epochs", "1", "--samples", "100", "--out", temp.Combine("fp")).Code);
    }

    [Fact]
    public void Recall_commands_refuse_an_mlp_chip()
    {
        var (code, _, error) = CliRunner.Run("compare", Chip);
        Assert.Equal(2, code);
        Assert.Contains("network.kind is mlp", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Adaptive_trains_he_et_al_memory_with_the_chip_in_the_loop_and_recalls_it_on_the_chip()
    {
        using var temp = new TempDir("engram-train-");
        string dir = temp.Combine("hnn");
        var (code, output, error) = CliRunner.Run("train", Path.Combine(RepoPaths.Chips, "hnn64.yaml"), "--task", "hnn", "--algorithm", "adaptive",
            "--patterns", "4", "--faults", "0", "--epochs", "60", "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("largest P recalled", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Path.Combine(dir, "hnn.csv"));
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        double Column(string name) => double.Parse(row[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);

        // Four patterns on a fault-free 64-neuron chip are learnt and recalled from 5 % flipped cues.
        Assert.InRange(Column("mean_similarity"), 0.95, 1.0);
        Assert.True(Column("pulses") > 0 && Column("training_energy_j") > 0 && Column("recall_energy_j") > 0);
        var breakdown = File.ReadAllText(Path.Combine(dir, "breakdown.csv"));
        Assert.Contains("digital_unit", breakdown, StringComparison.Ordinal);
        Assert.Contains("program_pulse", breakdown, StringComparison.Ordinal);

        // The two halves of the option go together.
        Assert.Equal(2, CliRunner.Run("train", Path.Combine(RepoPaths.Chips, "hnn64.yaml"), "--task", "hnn", "--algorithm", "shd", "--out", temp.Combine("x")).Code);
    }
}
