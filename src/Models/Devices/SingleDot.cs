using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engram.Models.Devices;

/// <summary>
/// A single-precision dot product with one fixed order of additions: four 8-lane accumulators over the span, a
/// fixed pairwise reduction of their lanes, then the tail. <c>TensorPrimitives.Dot</c> picks its vector width from
/// the machine (AVX-512 sums in another order than AVX2), so a chip's column currents would differ between
/// machines; <see cref="Vector256"/> runs the same lanes everywhere (in software where the hardware lacks it). With
/// AVX-512 two of the accumulators share one 16-lane vector: the same lanes, so the same sums.
/// </summary>
internal static class SingleDot
{
    public static float Of(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"dot of {x.Length} and {y.Length} values", nameof(y));
        }

        int n = x.Length, i = n & ~7;
        var a = Lanes(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), n);
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
    /// <see cref="InterleavedBitLines"/>), with <paramref name="y"/>, widened: the same bits per span. Four spans' lanes
    /// are reduced at once by horizontal adds whose pairs are the pairs of <see cref="Of"/>'s reduction (x + y = y + x exactly).
    /// </summary>
    public static void OfEach(ReadOnlySpan<float> x, int stride, ReadOnlySpan<float> y, Span<double> dots)
    {
        int n = y.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, n);
        if (dots.Length > 0 && x.Length < ((long)(dots.Length - 1) * stride) + n)
        {
            throw new ArgumentException($"{dots.Length} dots of {n} values {stride} apart need {((long)(dots.Length - 1) * stride) + n} values, got {x.Length}", nameof(x));
        }

        Spans(x, stride, y, 0, n, dots);
    }

    /// <summary>
    /// <see cref="Of"/> of each pair of spans of <paramref name="n"/> values, span c of <paramref name="x"/> with span c of
    /// <paramref name="y"/>, both at c·n, widened: the same bits per pair (the bit lines of one column of every row block,
    /// each with its own row block's word lines), four pairs reduced at once as in <see cref="OfEach"/>.
    /// </summary>
    public static void OfEachPair(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int n, Span<double> dots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        long needed = (long)dots.Length * n;
        if (x.Length < needed || y.Length < needed)
        {
            throw new ArgumentException($"{dots.Length} pairs of {n} values need {needed} of each, got {x.Length} and {y.Length}", nameof(y));
        }

        Spans(x, n, y, n, n, dots);
    }

    // Of of span c of x (at c·xStride) with span c of y (at c·yStride; 0: one span for all), n values each, four at a time.
    private static void Spans(ReadOnlySpan<float> x, int xStride, ReadOnlySpan<float> y, int yStride, int n, Span<double> dots)
    {
        int c = 0;
        if (Avx.IsSupported && n >= 8)
        {
            ref float px = ref MemoryMarshal.GetReference(x);
            ref float py = ref MemoryMarshal.GetReference(y);
            for (; c + 8 <= dots.Length; c += 8)
            {
                nint xAt = (nint)c * xStride, yAt = (nint)c * yStride;
                OfEight(ref Unsafe.Add(ref px, xAt), xStride, ref Unsafe.Add(ref py, yAt), yStride, n, dots.Slice(c, 8));
            }

            for (; c + 4 <= dots.Length; c += 4)
            {
                nint xAt = (nint)c * xStride, yAt = (nint)c * yStride;
                OfFour(
                    ref Unsafe.Add(ref px, xAt), ref Unsafe.Add(ref py, yAt),
                    ref Unsafe.Add(ref px, xAt + xStride), ref Unsafe.Add(ref py, yAt + yStride),
                    ref Unsafe.Add(ref px, xAt + (2 * xStride)), ref Unsafe.Add(ref py, yAt + (2 * yStride)),
                    ref Unsafe.Add(ref px, xAt + (3 * xStride)), ref Unsafe.Add(ref py, yAt + (3 * yStride)), n, dots.Slice(c, 4));
            }
        }

        for (; c < dots.Length; c++)
        {
            dots[c] = Of(x.Slice(c * xStride, n), y.Slice(c * yStride, n));
        }
    }

    // Of of eight pairs of spans of n values (n ≥ 8), span j of x at j·xStride and of y at j·yStride, into dots[0..8): as
    // OfFour, the two fours' sums taken by one addition of their halves (lane j: column j's halves, either way round), and
    // without a tail (n a multiple of eight) all eight widened and stored at once. The reduction's horizontal adds are
    // a chain of long latency per four columns, which at 64 rows took as long as the products.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OfEight(ref float x, nint xStride, ref float y, nint yStride, int n, Span<double> dots)
    {
        var (a, b) = Lanes2(ref x, ref y, ref Unsafe.Add(ref x, xStride), ref Unsafe.Add(ref y, yStride), n);
        var (d, e) = Lanes2(ref Unsafe.Add(ref x, 2 * xStride), ref Unsafe.Add(ref y, 2 * yStride), ref Unsafe.Add(ref x, 3 * xStride), ref Unsafe.Add(ref y, 3 * yStride), n);
        var (f, g) = Lanes2(ref Unsafe.Add(ref x, 4 * xStride), ref Unsafe.Add(ref y, 4 * yStride), ref Unsafe.Add(ref x, 5 * xStride), ref Unsafe.Add(ref y, 5 * yStride), n);
        var (h, k) = Lanes2(ref Unsafe.Add(ref x, 6 * xStride), ref Unsafe.Add(ref y, 6 * yStride), ref Unsafe.Add(ref x, 7 * xStride), ref Unsafe.Add(ref y, 7 * yStride), n);
        var low = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(d, e));
        var high = Avx.HorizontalAdd(Avx.HorizontalAdd(f, g), Avx.HorizontalAdd(h, k));
        var sums = Avx.Permute2x128(low, high, 0x20) + Avx.Permute2x128(low, high, 0x31);
        int tail = n & ~7;
        if (tail == n)
        {
            ref double to = ref MemoryMarshal.GetReference(dots);
            Avx.ConvertToVector256Double(sums.GetLower()).StoreUnsafe(ref to);
            Avx.ConvertToVector256Double(sums.GetUpper()).StoreUnsafe(ref to, 4);
            return;
        }

        for (int j = 0; j < 8; j++)
        {
            dots[j] = Tail(sums[j], ref Unsafe.Add(ref x, j * xStride), ref Unsafe.Add(ref y, j * yStride), tail, n);
        }
    }

    // Of of four pairs of spans of n values (n ≥ 8) into dots[0..4): each pair's lanes as Of sums them, the four reduced at
    // once by horizontal adds whose pairs are the pairs of Of's reduction (x + y = y + x exactly), then each pair's tail.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OfFour(ref float x0, ref float y0, ref float x1, ref float y1, ref float x2, ref float y2, ref float x3, ref float y3, int n, Span<double> dots)
    {
        var (a, b) = Lanes2(ref x0, ref y0, ref x1, ref y1, n);
        var (d, e) = Lanes2(ref x2, ref y2, ref x3, ref y3, n);
        // [a01+a23, b.., d.., e.., a45+a67, b.., d.., e..]: the halves summed are Of's last addition.
        var quads = Avx.HorizontalAdd(Avx.HorizontalAdd(a, b), Avx.HorizontalAdd(d, e));
        var sums = quads.GetLower() + quads.GetUpper();
        int tail = n & ~7;
        dots[0] = Tail(sums[0], ref x0, ref y0, tail, n);
        dots[1] = Tail(sums[1], ref x1, ref y1, tail, n);
        dots[2] = Tail(sums[2], ref x2, ref y2, tail, n);
        dots[3] = Tail(sums[3], ref x3, ref y3, tail, n);
    }

    // Of's last loop: the products past the 8-lane part added one by one.
    private static float Tail(float sum, ref float x, ref float y, int from, int n)
    {
        for (int i = from; i < n; i++)
        {
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        }

        return sum;
    }

    // Of's accumulation of one pair of spans, to the summed vector before its lanes are reduced: four 8-lane accumulators
    // over blocks of 32, the leftover blocks of eight into the first. With AVX-512 sixteen consecutive products are a0's
    // eight lanes then a1's (a2's then a3's sixteen further on), so one 16-lane vector carries two accumulators with the
    // same additions lane by lane, in half the instructions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Lanes(ref float p, ref float q, int n)
    {
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var a01 = Vector512<float>.Zero;
            var a23 = Vector512<float>.Zero;
            for (; i + 32 <= n; i += 32)
            {
                nuint k = (nuint)i;
                a01 += Vector512.LoadUnsafe(ref p, k) * Vector512.LoadUnsafe(ref q, k);
                a23 += Vector512.LoadUnsafe(ref p, k + 16) * Vector512.LoadUnsafe(ref q, k + 16);
            }

            (a0, a1, a2, a3) = (a01.GetLower(), a01.GetUpper(), a23.GetLower(), a23.GetUpper());
        }
        else
        {
            for (; i + 32 <= n; i += 32)
            {
                nuint k = (nuint)i;
                a0 += Vector256.LoadUnsafe(ref p, k) * Vector256.LoadUnsafe(ref q, k);
                a1 += Vector256.LoadUnsafe(ref p, k + 8) * Vector256.LoadUnsafe(ref q, k + 8);
                a2 += Vector256.LoadUnsafe(ref p, k + 16) * Vector256.LoadUnsafe(ref q, k + 16);
                a3 += Vector256.LoadUnsafe(ref p, k + 24) * Vector256.LoadUnsafe(ref q, k + 24);
            }
        }

        for (; i + 8 <= n; i += 8)
        {
            a0 += Vector256.LoadUnsafe(ref p, (nuint)i) * Vector256.LoadUnsafe(ref q, (nuint)i);
        }

        return (a0 + a1) + (a2 + a3);
    }

    // Lanes of two pairs of spans.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> First, Vector256<float> Second) Lanes2(ref float p0, ref float q0, ref float p1, ref float q1, int n) =>
        (Lanes(ref p0, ref q0, n), Lanes(ref p1, ref q1, n));
}
