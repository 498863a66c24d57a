using System.Text.Json;

namespace Engram.Cli.Tests;

/// <summary>run and compare with He et al.'s trained memories (adaptive, multilayer) programmed on the shipped chips, biases included.</summary>
public class TrainedMemoryTests
{
    private static string Chip(string name) => Path.Combine(RepoPaths.Chips, name);

    [Fact]
    public void Compare_recalls_an_adaptive_memory_on_hnn64_with_its_biases()
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--rule", "adaptive", "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("energy_ratio").GetDouble() > 1);
        (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--rule", "adaptive");
        Assert.True(code == 0, error);
        Assert.Contains("exact recall                   100 %         100 %", output, StringComparison.Ordinal);

        using var temp = new TempDir("engram-trained-");
        string dir = temp.Combine("run");
        (code, _, error) = CliRunner.Run("run", Chip("hnn64.yaml"), "--rule", "adaptive", "--out", dir);
        Assert.True(code == 0, error);
        var breakdown = File.ReadAllText(Path.Combine(dir, "breakdown.csv"));
        Assert.Contains("bias_add", breakdown, StringComparison.Ordinal);
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "stats.json")));
        double exact = stats.RootElement.GetProperty("stats").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "recall.exact").GetProperty("value").GetDouble();
        Assert.InRange(exact, 0.75, 1.0);
    }

    [Fact]
    public void Run_recalls_a_trained_multilayer_memory_on_the_multilayer_chip()
    {
        using var temp = new TempDir("engram-trained-");
        string dir = temp.Combine("run");
        var (code, output, error) = CliRunner.Run("run", Chip("hnn64-multilayer.yaml"), "--rule", "multilayer", "--out", dir);
        Assert.True(code == 0, error);
        Assert.Contains("accuracy", output, StringComparison.Ordinal);
        var breakdown = File.ReadAllLines(Path.Combine(dir, "breakdown.csv"));
        Assert.Contains(breakdown, l => l.StartsWith("neuron,bias_add", StringComparison.Ordinal) || l.Contains(",bias_add,", StringComparison.Ordinal));

        // A trained multilayer memory needs the multilayer chip, and the single-layer rules refuse it.
        Assert.Equal(2, CliRunner.Run("run", Chip("hnn64.yaml"), "--rule", "multilayer", "--out", temp.Combine("x")).Code);
        Assert.Equal(2, CliRunner.Run("run", Chip("hnn64-multilayer.yaml"), "--rule", "adaptive", "--out", temp.Combine("y")).Code);
    }

    [Fact]
    public void A_continuous_memory_is_recalled_by_tanh_neurons_and_a_sign_chip_refuses_it()
    {
        using var temp = new TempDir("engram-trained-");
        string yaml = File.ReadAllText(Chip("hnn64-multilayer.yaml"))
            .Replace("card: ../devices/hnn64-rram.yaml", "card: " + Path.Combine(RepoPaths.DeviceCards, "hnn64-rram.yaml"), StringComparison.Ordinal)
            .Replace("  neuron: sign ", "  neuron: tanh #", StringComparison.Ordinal)
            .Replace("  state_register_bits: 1 ", "  state_register_bits: 4 #", StringComparison.Ordinal);
        string chip = temp.Combine("tanh.yaml");
        File.WriteAllText(chip, yaml);
        var (code, output, error) = CliRunner.Run("compare", chip, "--rule", "multilayer", "--continuous");
        Assert.True(code == 0, error);
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("similarity", StringComparison.Ordinal));
        var values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, v => Assert.InRange(v, 0.95, 1.0));

        (code, _, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--continuous");
        Assert.Equal(2, code);
        Assert.Contains("periphery.neuron: tanh", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Digit_patterns_are_stored_on_the_chip_and_a_wrong_size_is_refused()
    {
        var (code, output, error) = CliRunner.Run("compare", Chip("hnn64.yaml"), "--rule", "adaptive", "--dataset", "digits", "--patterns", "6");
        Assert.True(code == 0, error);
        Assert.Contains("exact recall", output, StringComparison.Ordinal);
        (code, _, error) = CliRunner.Run("compare", Chip("tiled-256.yaml"), "--dataset", "digits");
        Assert.Equal(2, code);
        Assert.Contains("N = 64", error, StringComparison.Ordinal);
    }
}
