using System.CommandLine;
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
        };
        settings.Validate(neurons);
        RecallExperiment.CheckRule(network, settings.Rule);
        if (settings.Continuous && !tanhNeurons)
        {
            throw new ArgumentException("--continuous recalls graded states: the chip needs periphery.neuron: tanh (and dac_bits >= 2)");
        }

        return settings;
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
