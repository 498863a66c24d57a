namespace Engram.Components.Blocks.Drivers;

/// <summary><c>bipolar</c> (<c>dac_bits: 1</c>): binary states driven as ±V_read in one read.</summary>
public sealed class BipolarRowDriver : IInputDriver
{
    public string Name => "bipolar";

    public int Planes => 1;

    public void Encode(ReadOnlySpan<double> input, int plane, Span<double> levels)
    {
        for (int i = 0; i < input.Length; i++)
        {
            levels[i] = Math.Sign(input[i]);
        }
    }

    public double PlaneWeight(int plane) => 1;
}
