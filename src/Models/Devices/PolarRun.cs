namespace Engram.Models.Devices;

/// <summary>
/// The accepted pairs of the polar method (<see cref="StandardNormal.Sample"/>) of a <see cref="Random"/>, in order:
/// a stream read only through N(0, 1) deviates is a sequence of such pairs, so this turns uniforms into pairs a run
/// at a time (rejected pairs dropped without a branch per pair) instead of one virtual call per uniform. It reads
/// ahead of what it hands out, so it is only for a stream that nothing else draws from afterwards (a fresh copy).
/// </summary>
internal sealed class PolarRun(Random source)
{
    /// <summary>The most pairs one <see cref="Ensure"/> may ask for.</summary>
    public const int MaxEnsured = 8;

    private const int UniformsPerRun = 1024;
    private readonly double[] _uniforms = new double[UniformsPerRun];
    private readonly double[] _u = new double[(UniformsPerRun / 2) + MaxEnsured];
    private readonly double[] _s = new double[(UniformsPerRun / 2) + MaxEnsured];
    private int _count;
    private int _next;

    /// <summary>Makes sure <paramref name="count"/> (at most <see cref="MaxEnsured"/>) more pairs are in hand for <see cref="Take"/>.</summary>
    public void Ensure(int count)
    {
        if (_count - _next >= count)
        {
            return;
        }

        // The pairs left move to the front; each run adds at most half its uniforms, which the spare room holds.
        int left = _count - _next;
        Array.Copy(_u, _next, _u, 0, left);
        Array.Copy(_s, _next, _s, 0, left);
        _count = left;
        _next = 0;
        while (_count < count)
        {
            StandardNormal.Uniforms(source, _uniforms);
            _count += StandardNormal.AcceptedPairs(_uniforms, _u.AsSpan(_count), _s.AsSpan(_count));
        }
    }

    /// <summary>The next pair (in hand by <see cref="Ensure"/>).</summary>
    public PolarDraw Take()
    {
        int i = _next++;
        return new PolarDraw(_u[i], _s[i]);
    }
}
