namespace Engram.Workloads.Recall;

public enum WeightRuleKind
{
    Hebb,
    Pinv,
    Storkey,

    /// <summary>He et al.'s hardware-adaptive learning around the chip's own stuck devices, with biases (single layer).</summary>
    Adaptive,

    /// <summary>He et al.'s trained N → H → N memory with biases (multilayer chips).</summary>
    Multilayer,
}

/// <summary>What a recall experiment stores and how it corrupts the cues.</summary>
/// <param name="Patterns">Stored patterns P; each is recalled once from a corrupted cue.</param>
/// <param name="CueFlip">Probability of flipping each bit of a cue (He et al.'s code: 0.05 in the script, 0.1 in the notebook).</param>
public sealed record RecallSettings(WeightRuleKind Rule, int Patterns, double CueFlip, ulong Seed)
{
    /// <summary>How the weights are written before recall: set-to-target (free, the default) or write-verify (a charged phase of its own).</summary>
    public ProgramMode Program { get; init; } = ProgramMode.Set;

    /// <summary>Continuous patterns in [−1, 1] with Gaussian cues of σ <see cref="CueSigma"/>, recalled by tanh neurons.</summary>
    public bool Continuous { get; init; }

    public double CueSigma { get; init; } = 0.6;

    /// <summary>Where the patterns come from: random vectors, or P distinct images of the shipped digits (N = 64) or MNIST (N = side²).</summary>
    public Capacity.PatternSource Dataset { get; init; } = Capacity.PatternSource.Random;

    /// <summary>Folder with the digit data sets (null: the repository's data/).</summary>
    public string? DataDirectory { get; init; }

    public void Validate(int neurons)
    {
        if (Patterns < 1 || Patterns > neurons)
        {
            throw new ArgumentException($"patterns must be in 1..{neurons} (the neurons of the chip), got {Patterns}");
        }

        if (!(CueSigma >= 0))
        {
            throw new ArgumentException($"cue-sigma must be >= 0, got {CueSigma}");
        }

        if (!(CueFlip is >= 0 and <= 1))
        {
            throw new ArgumentException($"cue-flip must be in [0, 1], got {CueFlip}");
        }
    }
}

/// <summary>How a recall experiment programs its weights (<c>--program</c>).</summary>
public enum ProgramMode
{
    /// <summary>Set-to-target: every cell placed at its target in zero time, at no charge.</summary>
    Set,

    /// <summary>Write-verify: pulses and verify reads through the device model, charged and timed as the <c>program</c> phase.</summary>
    WriteVerify,
}
