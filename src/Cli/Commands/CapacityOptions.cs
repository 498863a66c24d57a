using System.CommandLine;
using System.Globalization;
using Engram.Workloads.Capacity;

namespace Engram.Cli.Commands;

/// <summary>Options shared by <c>engram capacity</c> and <c>engram scaling</c>, and their parsing.</summary>
internal sealed class CapacityOptions
{
    public Option<string> Rule { get; } = new("--rule") { Description = "hebb | pinv | storkey | adaptive | multilayer", Required = true };

    public Option<string> Dataset { get; } = new("--dataset") { Description = "random | digits (N = 64) | mnist (N = side², side ≤ 28)", DefaultValueFactory = _ => "random" };

    public Option<bool> Continuous { get; } = new("--continuous") { Description = "continuous patterns in [−1, 1] (Gaussian cues, tanh recall)" };

    public Option<double> Variation { get; } = new("--variation") { Description = "conductance variation σ_v, re-drawn per trial", DefaultValueFactory = _ => 0 };

    public Option<int> Trials { get; } = new("--trials") { Description = "cue trials per pattern count", DefaultValueFactory = _ => 20 };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "master seed", DefaultValueFactory = _ => 1 };

    public Option<int> Threads { get; } = new("--threads") { Description = "worker threads (results do not depend on it)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<double> CueFlip { get; } = new("--cue-flip") { Description = "bit-flip probability c of binary cues", DefaultValueFactory = _ => 0.05 };

    public Option<double> CueSigma { get; } = new("--cue-sigma") { Description = "Gaussian σ of continuous cues (clamped to [−1, 1])", DefaultValueFactory = _ => 0.6 };

    public Option<int?> Iterations { get; } = new("--iterations") { Description = "recall iterations K (default 102 classical, 100 adaptive/multilayer)" };

    public Option<string?> Grid { get; } = new("--grid") { Description = "pattern counts: START:STOP:STEP or P1,P2,.. (default N/16, 2·N/16, .., 2N)" };

    public Option<string?> Data { get; } = new("--data") { Description = "folder with the digit data sets (default: the repository's data/)" };

    public Option<bool> Json { get; } = new("--json") { Description = "print only the JSON result" };

    public Option<string?> Out { get; } = new("--out") { Description = "output folder for the CSV files (replaced as a whole when the run succeeds)" };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "no progress on stderr" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Rule, Dataset, Continuous, Variation, Trials, Seed, Threads, CueFlip, CueSigma, Iterations, Grid, Data, Json, Out, Quiet })
        {
            command.Options.Add(option);
        }
    }

    public CapacitySettings Settings(ParseResult parse, int n, IReadOnlyList<double> faultRates) => new()
    {
        Neurons = n,
        Source = ParseSource(parse.GetValue(Dataset)!),
        Continuous = parse.GetValue(Continuous),
        Grid = parse.GetValue(Grid) is { } grid ? ParseGrid(grid) : CapacitySettings.DefaultGrid(n),
        FaultRates = faultRates,
        Trials = parse.GetValue(Trials),
        CueFlip = parse.GetValue(CueFlip),
        CueSigma = parse.GetValue(CueSigma),
        Variation = parse.GetValue(Variation),
        MaxIterations = parse.GetValue(Iterations) ?? LearnerCatalog.DefaultIterations(parse.GetValue(Rule)!),
        Seed = parse.GetValue(Seed),
        Threads = parse.GetValue(Threads),
        DataDirectory = parse.GetValue(Data),
    };

    public static PatternSource ParseSource(string name) => name switch
    {
        "random" => PatternSource.Random,
        "digits" => PatternSource.Digits,
        "mnist" => PatternSource.Mnist,
        _ => throw new ArgumentException($"unknown dataset '{name}' (expected random, digits or mnist)"),
    };

    public static double[] ParseDoubles(string text, string what) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new ArgumentException($"{what}: '{s}' is not a number"))];

    public static int[] ParseInts(string text, string what) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new ArgumentException($"{what}: '{s}' is not an integer"))];

    public static int[] ParseGrid(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 1)
        {
            return ParseInts(text, "--grid");
        }

        var range = ParseInts(string.Join(',', parts), "--grid");
        if (range.Length != 3 || range[2] < 1 || range[0] < 1 || range[1] < range[0])
        {
            throw new ArgumentException("--grid: expected START:STOP:STEP with 1 ≤ START ≤ STOP and STEP ≥ 1");
        }

        return [.. Enumerable.Range(0, ((range[1] - range[0]) / range[2]) + 1).Select(k => range[0] + (k * range[2]))];
    }
}
