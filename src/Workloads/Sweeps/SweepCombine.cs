namespace Engram.Workloads.Sweeps;

/// <summary>How axes combine into points.</summary>
public enum SweepCombine
{
    /// <summary>Every combination; the first axis varies slowest.</summary>
    Grid,

    /// <summary>The i-th value of every axis together; all axes have the same length.</summary>
    Zip,
}
