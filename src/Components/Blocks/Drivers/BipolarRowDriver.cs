using System.Runtime.Intrinsics;

namespace Engram.Components.Blocks.Drivers;

/// <summary><c>bipolar</c> (<c>dac_bits: 1</c>): binary states driven as ±V_read in one read.</summary>
public sealed class BipolarRowDriver : IInputDriver
{
    public string Name => "bipolar";

    public int Planes => 1;

    public void Encode(ReadOnlySpan<double> input, int plane, Span<double> levels)
    {
        // sign(x) as (x > 0) − (x < 0), four lanes at a time (an asynchronous update encodes the whole state).
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            for (; i + 4 <= input.Length; i += 4)
            {
                var x = Vector256.Create(input.Slice(i, 4));
                if (!Vector256.EqualsAll(x, x))
                {
                    break;
                }

                var sign = (Vector256.GreaterThan(x, Vector256<double>.Zero) & one) - (Vector256.LessThan(x, Vector256<double>.Zero) & one);
                sign.CopyTo(levels.Slice(i, 4));
            }
        }

        for (; i < input.Length; i++)
        {
            levels[i] = Math.Sign(input[i]);
        }
    }

    public double PlaneWeight(int plane) => 1;
}
