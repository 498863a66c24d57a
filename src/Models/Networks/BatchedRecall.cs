namespace Engram.Models.Networks;

/// <summary>
/// <see cref="SynchronousRecall"/> for many cues on one memory at once: each step is one
/// <see cref="IAssociativeMemory.StepBatch"/> over the cues still running, so a single-layer memory does one
/// matrix product per step instead of one matrix–vector product per cue. Every cue keeps its own stopping rule
/// (fixed point, binary 2-cycle resolved by parity, or K steps), and a finished cue leaves the batch, so each
/// result is bit-identical to recalling that cue alone. Buffers grow to the largest batch seen and are reused. A
/// <see cref="SingleLayerMemory"/> is recalled transposed, over its nonzero weights only (<see cref="TransposedRecall"/>), with the same bits.
/// </summary>
public sealed class BatchedRecall
{
    private double[] _before = [];
    private double[] _current = [];
    private double[] _next = [];
    private int[] _slot = [];
    private readonly TransposedRecall _transposed = new();

    /// <summary>
    /// Recalls the <paramref name="count"/> cues in <paramref name="cues"/> (row-major, count × N) for up to
    /// <paramref name="maxIterations"/> steps and writes each recalled state to the same row of <paramref name="results"/>.
    /// </summary>
    public void Run(IAssociativeMemory memory, ReadOnlySpan<double> cues, int count, int maxIterations, Span<double> results)
    {
        int n = memory.Neurons;
        if (cues.Length < count * n || results.Length < count * n)
        {
            throw new ArgumentException("cue and result spans are shorter than count × N");
        }

        if (memory is SingleLayerMemory single)
        {
            _transposed.Run(single, cues, count, maxIterations, results);
            return;
        }

        Reserve(count * n, count);
        cues[..(count * n)].CopyTo(_current);
        for (int r = 0; r < count; r++)
        {
            _slot[r] = r;
        }

        int active = count;
        for (int t = 1; t <= maxIterations && active > 0; t++)
        {
            memory.StepBatch(_current.AsSpan(0, active * n), _next.AsSpan(0, active * n), active);
            int kept = 0;
            for (int r = 0; r < active; r++)
            {
                var next = _next.AsSpan(r * n, n);
                var current = _current.AsSpan(r * n, n);
                var output = results.Slice(_slot[r] * n, n);
                if (next.SequenceEqual(current))
                {
                    next.CopyTo(output);
                    continue;
                }

                if (!memory.Continuous && t >= 2 && next.SequenceEqual(_before.AsSpan(r * n, n)))
                {
                    ((maxIterations - t) % 2 == 0 ? next : current).CopyTo(output);
                    continue;
                }

                // Still running: pack it down. After the rotation below its current row is the "before" and its next row the "current".
                if (kept != r)
                {
                    current.CopyTo(_current.AsSpan(kept * n, n));
                    next.CopyTo(_next.AsSpan(kept * n, n));
                    _slot[kept] = _slot[r];
                }

                kept++;
            }

            (_before, _current, _next) = (_current, _next, _before);
            active = kept;
        }

        for (int r = 0; r < active; r++)
        {
            _current.AsSpan(r * n, n).CopyTo(results.Slice(_slot[r] * n, n));
        }
    }

    private void Reserve(int length, int count)
    {
        if (_current.Length < length)
        {
            _before = new double[length];
            _current = new double[length];
            _next = new double[length];
        }

        if (_slot.Length < count)
        {
            _slot = new int[count];
        }
    }
}
