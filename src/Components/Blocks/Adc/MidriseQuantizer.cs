using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engram.Components.Blocks.Adc;

/// <summary>
/// The quantizer of a multi-bit converter: round to the nearest code step (halves away from zero), clip to
/// ±(2^(B−1) − 1); at one bit a comparator that keeps only the sign.
/// </summary>
public static class MidriseQuantizer
{
    public static int Quantize(double currentA, double codeStepA, int bits)
    {
        if (bits == 1)
        {
            return Math.Sign(currentA);
        }

        int limit = Limit(bits);
        return (int)Math.Clamp(Math.Round(currentA / codeStepA, MidpointRounding.AwayFromZero), -limit, limit);
    }

    /// <summary>
    /// <see cref="Quantize"/> of each current into <paramref name="codes"/>: the same codes, four at a time where AVX is
    /// there. The quotient is the same division lane by lane; a half away from zero is the truncation plus the sign
    /// where the (exact) fraction is at least a half, which is the correctly rounded result Math.Round gives; four
    /// currents of which one is not a number go one at a time, so that they convert as the scalar path does.
    /// </summary>
    public static void QuantizeEach(ReadOnlySpan<double> currentsA, double codeStepA, int bits, Span<int> codes)
    {
        if (codes.Length < currentsA.Length)
        {
            throw new ArgumentException($"{currentsA.Length} currents need as many codes, got {codes.Length}", nameof(codes));
        }

        int i = 0;
        if (bits != 1 && Avx.IsSupported)
        {
            double limit = Limit(bits);
            var step = Vector256.Create(codeStepA);
            var half = Vector256.Create(0.5);
            var one = Vector256.Create(1.0);
            var high = Vector256.Create(limit);
            var low = Vector256.Create(-limit);
            ref double from = ref MemoryMarshal.GetReference(currentsA);
            ref int to = ref MemoryMarshal.GetReference(codes);
            for (; i + 4 <= currentsA.Length; i += 4)
            {
                var q = Vector256.LoadUnsafe(ref from, (nuint)i) / step;
                if (!Vector256.EqualsAll(q, q))
                {
                    for (int k = i; k < i + 4; k++)
                    {
                        codes[k] = Quantize(currentsA[k], codeStepA, bits);
                    }

                    continue;
                }

                var whole = Vector256.Truncate(q);
                // An infinite quotient leaves a NaN fraction, which is not at least a half: the clip takes it.
                var up = Vector256.GreaterThanOrEqual(Vector256.Abs(q - whole), half);
                var rounded = whole + (up & Vector256.CopySign(one, q));
                var clipped = Vector256.ConditionalSelect(Vector256.GreaterThan(rounded, high), high,
                    Vector256.ConditionalSelect(Vector256.LessThan(rounded, low), low, rounded));
                Avx.ConvertToVector128Int32WithTruncation(clipped).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < currentsA.Length; i++)
        {
            codes[i] = Quantize(currentsA[i], codeStepA, bits);
        }
    }

    private static int Limit(int bits) => (1 << (bits - 1)) - 1;
}
