using System.CommandLine;
using Engram.Workloads.Capacity;
using Engram.Workloads.Recall;

namespace Engram.Cli.Commands;

/// <summary>
/// The options every recall command shares — rule, stored patterns, cue corruption, seed — and the
/// <see cref="RecallSettings"/> they make. Only the default pattern count differs per command.
/// </summary>
internal sealed class RecallOptions
{
    private readonly Option<string> _rule = new("--rule") { Description = "hebb | pinv | storkey | adaptive (single layer, trained around the chip's stuck devices, with biases) | multilayer (multilayer chips, trained, with biases)", DefaultValueFactory = _ => "hebb" };
    private readonly Option<int?> _patterns;
    private readonly Option<double> _cueFlip = new("--cue-flip") { Description = "probability of flipping each cue bit", DefaultValueFactory = _ => 0.05 };
    private readonly Option<ulong> _seed = new("--seed") { Description = "master seed", DefaultValueFactory = _ => 1 };
    private readonly Option<string> _program = new("--program") { Description = "set | write-verify: how the weights are written (write-verify is charged as its own phase)", DefaultValueFactory = _ => "set" };
    private readonly Option<bool> _continuous = new("--continuous") { Description = "continuous patterns in [−1, 1] with Gaussian cues (needs periphery.neuron: tanh)" };
    private readonly Option<double> _cueSigma = new("--cue-sigma") { Description = "Gaussian σ of continuous cues (clamped to [−1, 1])", DefaultValueFactory = _ => 0.6 };
    private readonly Option<string> _dataset = new("--dataset") { Description = "random | digits (N = 64) | mnist (N = side², side ≤ 28): where the stored patterns come from", DefaultValueFactory = _ => "random" };
    private readonly Option<string?> _data = new("--data") { Description = "folder with the digit data sets (default: the repository's data/)" };
    private readonly Func<int, int> _defaultPatterns;

    /// <param name="defaultPatterns">Default P for a chip of N neurons (always capped at N).</param>
    public RecallOptions(string defaultDescription, Func<int, int> defaultPatterns)
    {
        _patterns = new Option<int?>("--patterns") { Description = $"patterns stored and recalled (default {defaultDescription})" };
        _defaultPatterns = defaultPatterns;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_rule);
        command.Options.Add(_patterns);
        command.Options.Add(_cueFlip);
        command.Options.Add(_seed);
        command.Options.Add(_program);
        command.Options.Add(_continuous);
        command.Options.Add(_cueSigma);
        command.Options.Add(_dataset);
        command.Options.Add(_data);
    }

    /// <summary>The settings for a chip of <paramref name="neurons"/>; throws <see cref="ArgumentException"/> on a bad value.</summary>
    public RecallSettings Settings(ParseResult parse, int neurons, Components.Arch.NetworkKind network, bool tanhNeurons = false)
    {
        var settings = new RecallSettings(
            ParseRule(parse.GetValue(_rule)!),
            parse.GetValue(_patterns) ?? Math.Min(_defaultPatterns(neurons), neurons),
            parse.GetValue(_cueFlip),
            parse.GetValue(_seed))
        {
            Program = ParseProgram(parse.GetValue(_program)!),
            Continuous = parse.GetValue(_continuous),
            CueSigma = parse.GetValue(_cueSigma),
            Dataset = parse.GetValue(_dataset) switch
            {
                "random" => PatternSource.Random,
                "digits" => PatternSource.Digits,
                "mnist" => PatternSource.Mnist,
                var other => throw new ArgumentException($"--dataset must be random, digits or mnist, got '{other}'"),
            },
            DataDirectory = parse.GetValue(_data),
        };
        settings.Validate(neurons);
        RecallExperiment.CheckRule(network, settings.Rule);
        CheckDataset(settings, neurons);
        if (settings.Continuous && !tanhNeurons)
        {
            throw new ArgumentException("--continuous recalls graded states: the chip needs periphery.neuron: tanh (and dac_bits >= 2)");
        }

        return settings;
    }

    // A data set fixes N (digits: 64; MNIST: a square side of at most 28), and its file must be there.
    private static void CheckDataset(RecallSettings settings, int neurons)
    {
        if (settings.Dataset == PatternSource.Random)
        {
            return;
        }

        int side = (int)Math.Round(Math.Sqrt(neurons));
        if (settings.Dataset == PatternSource.Digits && neurons != 64)
        {
            throw new ArgumentException($"--dataset digits stores 8x8 images: the chip needs N = 64, it has {neurons}");
        }

        if (settings.Dataset == PatternSource.Mnist && (side * side != neurons || side > 28))
        {
            throw new ArgumentException($"--dataset mnist stores side x side images (side <= 28): N = {neurons} is not such a square");
        }

        try
        {
            PatternPool.DataFile(settings.DataDirectory, settings.Dataset == PatternSource.Digits ? Models.Patterns.DigitDatasets.DigitsFileName : Models.Patterns.DigitDatasets.MnistFileName);
        }
        catch (FileNotFoundException ex)
        {
            throw new ArgumentException($"--dataset: {ex.Message}");
        }
    }

    private static ProgramMode ParseProgram(string text) => text switch
    {
        "set" => ProgramMode.Set,
        "write-verify" => ProgramMode.WriteVerify,
        _ => throw new ArgumentException($"--program must be set or write-verify, got '{text}'"),
    };

    private static WeightRuleKind ParseRule(string text) => text switch
    {
        "hebb" => WeightRuleKind.Hebb,
        "pinv" => WeightRuleKind.Pinv,
        "storkey" => WeightRuleKind.Storkey,
        "adaptive" => WeightRuleKind.Adaptive,
        "multilayer" => WeightRuleKind.Multilayer,
        _ => throw new ArgumentException($"--rule must be hebb, pinv, storkey, adaptive or multilayer, got '{text}'"),
    };
}
