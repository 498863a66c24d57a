namespace Engram.Models.Devices;

/// <summary>
/// An array's Σ_r G_rc and Σ_r G_rc² per bit line, the two side by side (a one-column read takes both from one line
/// of cache): in the array's own buffer, or in its <see cref="InterleavedBitLines"/> next to the same bit line of
/// the arrays it shares them with.
/// </summary>
internal sealed class BitLineSums
{
    private readonly double[] _sums;
    private readonly int _offset;
    private readonly int _stride;

    public BitLineSums(int cols)
    {
        _sums = new double[checked(2 * cols)];
        _stride = 2;
        Cols = cols;
    }

    public BitLineSums(BitLinePlace place)
    {
        _sums = place.Lines.Sums;
        _offset = 2 * place.Index;
        _stride = 2 * place.Lines.Arrays;
        Cols = place.Lines.Cols;
    }

    public int Cols { get; }

    /// <summary>Σ_r G_rc of bit line <paramref name="col"/> (S).</summary>
    public double SumS(int col) => _sums[_offset + (col * _stride)];

    /// <summary>Σ_r G_rc² of bit line <paramref name="col"/> (S²).</summary>
    public double SquareSumS2(int col) => _sums[_offset + (col * _stride) + 1];

    /// <summary>Keeps the sums of every bit line.</summary>
    public void Set(ReadOnlySpan<double> sumsS, ReadOnlySpan<double> squareSumsS2)
    {
        for (int c = 0; c < Cols; c++)
        {
            int slot = _offset + (c * _stride);
            _sums[slot] = sumsS[c];
            _sums[slot + 1] = squareSumsS2[c];
        }
    }
}
