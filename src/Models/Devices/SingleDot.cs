using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>
    /// <see cref="Of"/> of each of <c>dots.Length</c> spans of <paramref name="x"/> of <paramref name="y"/>'s length,
    /// span c at c·<paramref name="stride"/> (the bit lines of a column-major array, stride = rows, or of an array in an
    /// <see cref="InterleavedBitLines"/>), with <paramref name="y"/>, widened: the same bits per span. Two spans share
    /// each load of <paramref name="y"/>, and four spans' lanes are reduced at once by horizontal adds whose pairs are
    /// the pairs of <see cref="Of"/>'s reduction (x + y = y + x exactly).
    /// </summary>
    public static void OfEach(ReadOnlySpan<float> x, int stride, ReadOnlySpan<float> y, Span<double> dots)
    {
        int n = y.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, n);
        if (dots.Length > 0 && x.Length < ((long)(dots.Length - 1) * stride) + n)
        {
            throw new ArgumentException($"{dots.Length} dots of {n} values {stride} apart need {((long)(dots.Length - 1) * stride) + n} values, got {x.Length}", nameof(x));
        }

        int c = 0;
        if (Avx.IsSupported && n >= 8)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float py = ref MemoryMarshal.GetReference(y);
            for (; c + 4 <= dots.Length; c += 4)
            {
                var (a, b) = Lanes2(ref Unsafe.Add(ref px, (nint)c * stride), ref Unsafe.Add(ref px, (nint)(c + 1) * stride), ref py, n);
                var (d, e) = Lanes2(ref Unsafe.Add(ref px, (nint)(c + 2) * stride), ref Unsafe.Add(ref px, (nint)(c + 3) * stride), ref py, n);
                // [a01+a23, b.., d.., e.., a45+a67, b.., d.., e..]: the halves summed are Of's last addition.
                var quads = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(d, e));
                var sums = quads.GetLower() + quads.GetUpper();
                for (int k = 0; k < 4; k++)
                {
                    float sum = sums[k];
                    var column = x.Slice((c + k) * stride, n);
                    for (int i = n & ~7; i < n; i++)
                    {
                        sum += column[i] * y[i];
                    }

                    dots[c + k] = sum;
                }
            }
        }

        for (; c < dots.Length; c++)
        {
            dots[c] = Of(x.Slice(c * stride, n), y);
        }
    }

    // Of's accumulation for two spans at once (the same four accumulators each), to the summed vector before its lanes are reduced.
    private static (Vector256<float> First, Vector256<float> Second) Lanes2(ref float p0, ref float p1, ref float py, int n)
    {
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        var b0 = Vector256<float>.Zero;
        var b1 = Vector256<float>.Zero;
        var b2 = Vector256<float>.Zero;
        var b3 = Vector256<float>.Zero;
        int i = 0;
        for (; i + 32 <= n; i += 32)
        {
            nuint k = (nuint)i;
            var y0 = Vector256.LoadUnsafe(ref py, k);
            var y1 = Vector256.LoadUnsafe(ref py, k + 8);
            var y2 = Vector256.LoadUnsafe(ref py, k + 16);
            var y3 = Vector256.LoadUnsafe(ref py, k + 24);
            a0 += Vector256.LoadUnsafe(ref p0, k) * y0;
            a1 += Vector256.LoadUnsafe(ref p0, k + 8) * y1;
            a2 += Vector256.LoadUnsafe(ref p0, k + 16) * y2;
            a3 += Vector256.LoadUnsafe(ref p0, k + 24) * y3;
            b0 += Vector256.LoadUnsafe(ref p1, k) * y0;
            b1 += Vector256.LoadUnsafe(ref p1, k + 8) * y1;
            b2 += Vector256.LoadUnsafe(ref p1, k + 16) * y2;
            b3 += Vector256.LoadUnsafe(ref p1, k + 24) * y3;
        }

        for (; i + 8 <= n; i += 8)
        {
            var y0 = Vector256.LoadUnsafe(ref py, (nuint)i);
            a0 += Vector256.LoadUnsafe(ref p0, (nuint)i) * y0;
            b0 += Vector256.LoadUnsafe(ref p1, (nuint)i) * y0;
        }

        return ((a0 + a1) + (a2 + a3), (b0 + b1) + (b2 + b3));
    }
}
