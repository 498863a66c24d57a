namespace Engram.Models.Devices;

/// <summary>
/// A random source that hands out a run of uniforms at once: the values, in order, that as many
/// <see cref="Random.NextDouble"/> calls on it would give. Device models draw millions of uniforms when an array is
/// built; one call per run instead of one virtual call per draw is what this seam is for.
/// </summary>
public interface IUniformBatch
{
    void NextDoubles(Span<double> destination);
}
