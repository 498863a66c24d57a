using Engram.Components.Arch;

namespace Engram.Components.Tests.Training;

/// <summary>Training chips for tests: the shipped train-digits.yaml with its values replaced.</summary>
internal static class TrainingChips
{
    public static string Yaml => File.ReadAllText(Path.Combine(RepoPaths.Chips, "train-digits.yaml"));

    public static ChipSpec Parse(string name, params (string From, string To)[] replacements)
    {
        string yaml = Yaml;
        foreach (var (from, to) in replacements)
        {
            Assert.Contains(from, yaml, StringComparison.Ordinal);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }

        return ChipLoader.Parse(Path.Combine(RepoPaths.Chips, $"{name}.yaml"), yaml);
    }

    /// <summary>A chip with one 2-input layer (1 input + bias) and 2 outputs on the ideal card: a 2×2 array.</summary>
    public static ChipSpec TwoByTwo(params (string From, string To)[] more) => Parse("two-by-two",
        [("layers: [64, 32, 10]", "layers: [1, 2]"), ("card: ../devices/softbounds.yaml", "card: ../devices/ideal.yaml"), .. more]);
}
