namespace Engram.Components.Blocks.Drivers;

/// <summary>
/// <c>bit_serial</c> (<c>dac_bits</c> B ≥ 2): |x| quantized to 2^(B−1) − 1 levels and driven one magnitude bit
/// per read, the sign as the pulse polarity; plane p weighs 2^p / (2^(B−1) − 1).
/// </summary>
public sealed class BitSerialDac(int dacBits) : IInputDriver
{
    private readonly int _levels = (1 << (dacBits - 1)) - 1;

    public string Name => "bit_serial";

    public int Planes { get; } = dacBits - 1;

    public void Encode(ReadOnlySpan<double> input, int plane, Span<double> levels)
    {
        for (int i = 0; i < input.Length; i++)
        {
            double x = input[i];
            int q = (int)Math.Round(Math.Min(Math.Abs(x), 1) * _levels);
            levels[i] = ((q >> plane) & 1) * Math.Sign(x);
        }
    }

    public double PlaneWeight(int plane) => (1 << plane) / (double)_levels;
}
