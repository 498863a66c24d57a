namespace Engram.Models.Networks;

/// <summary>
/// Synchronous recall on a software memory: the state after K steps, or earlier at a fixed point. A binary
/// state that returns to the one two steps back is in a 2-cycle; the state at step K then follows from the
/// parity, so the result is exactly that of running all K steps.
/// </summary>
public sealed class SynchronousRecall(int neurons)
{
    private double[] _before = new double[neurons];
    private double[] _current = new double[neurons];
    private double[] _next = new double[neurons];

    /// <summary>The recalled state; it lives in this instance's buffers until the next call.</summary>
    public ReadOnlySpan<double> Run(IAssociativeMemory memory, ReadOnlySpan<double> cue, int maxIterations)
    {
        cue.CopyTo(_current);
        for (int t = 1; t <= maxIterations; t++)
        {
            memory.Step(_current, _next);
            if (_next.AsSpan().SequenceEqual(_current))
            {
                return _next;
            }

            if (!memory.Continuous && t >= 2 && _next.AsSpan().SequenceEqual(_before))
            {
                return (maxIterations - t) % 2 == 0 ? _next : _current;
            }

            (_before, _current, _next) = (_current, _next, _before);
        }

        return _current;
    }

    /// <summary>One recall into a new array (allocates its buffers; loops should keep an instance).</summary>
    public static double[] Once(IAssociativeMemory memory, ReadOnlySpan<double> cue, int maxIterations) =>
        new SynchronousRecall(cue.Length).Run(memory, cue, maxIterations).ToArray();
}
