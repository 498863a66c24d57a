namespace Engram.Models.Learning;

/// <summary>Per-parameter-block optimizer state: first and second moment buffers and the step count.</summary>
public sealed class OptimizerState(int length)
{
    /// <summary>First moment (Adam's m); unused by RMSprop.</summary>
    public double[] First { get; } = new double[length];

    /// <summary>Second moment (Adam's v, RMSprop's square average).</summary>
    public double[] Second { get; } = new double[length];

    public int Steps { get; set; }
}
