namespace Engram.Workloads.Capacity;

/// <summary>Where the stored patterns come from (docs/associative-memory.md).</summary>
public enum PatternSource
{
    /// <summary>I.i.d. ±1 (binary) or U(−1, 1) (continuous) vectors.</summary>
    Random,

    /// <summary>The 8×8 UCI digits (N = 64 only).</summary>
    Digits,

    /// <summary>MNIST, cropped and resized to side×side = N.</summary>
    Mnist,
}
