namespace Engram.Models.Learning;

/// <summary>A rule that turns P stored patterns (rows of a P×N matrix) into N×N recurrent weights.</summary>
public interface IWeightRule
{
    string Name { get; }

    /// <summary>Row-major N×N weights, diagonal zero, scaled so the largest magnitude is 1 (as in the He et al. code).</summary>
    double[] Learn(double[][] patterns);
}
