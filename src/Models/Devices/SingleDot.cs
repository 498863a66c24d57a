using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engram.Models.Devices;

/// <summary>
/// A single-precision dot product with one fixed order of additions: four 8-lane accumulators over the span, a
/// fixed pairwise reduction of their lanes, then the tail. <c>TensorPrimitives.Dot</c> picks its vector width from
/// the machine (AVX-512 sums in another order than AVX2), so a chip's column currents would differ between
/// machines; <see cref="Vector256"/> runs the same lanes everywhere (in software where the hardware lacks it).
/// </summary>
internal static class SingleDot
{
    public static float Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"dot of {x.Length} and {y.Length} values", nameof(y));
        }

        int n = x.Length, i = 0;
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        for (; i + 32 <= n; i += 32)
        {
            nuint k = (nuint)i;
            a0 += Vector256.LoadUnsafe(ref px, k) * Vector256.LoadUnsafe(ref py, k);
            a1 += Vector256.LoadUnsafe(ref px, k + 8) * Vector256.LoadUnsafe(ref py, k + 8);
            a2 += Vector256.LoadUnsafe(ref px, k + 16) * Vector256.LoadUnsafe(ref py, k + 16);
            a3 += Vector256.LoadUnsafe(ref px, k + 24) * Vector256.LoadUnsafe(ref py, k + 24);
        }

        for (; i + 8 <= n; i += 8)
        {
            a0 += Vector256.LoadUnsafe(ref px, (nuint)i) * Vector256.LoadUnsafe(ref py, (nuint)i);
        }

        var a = (a0 + a1) + (a2 + a3);
        float sum = ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
