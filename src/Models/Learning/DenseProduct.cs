using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engram.Models.Learning;

/// <summary>
/// C += A·B for the small dense products of full-batch training (P × N by N × N and its transposes), where
/// calling a span primitive per row of 64 elements spends more time in the call than in the arithmetic.
/// A register-blocked kernel: two rows of C by sixteen columns stay in eight AVX registers while the inner
/// dimension streams through, so each loaded row of B feeds two FMAs.
/// <para>
/// Every element of C is the chain c ← fma(a_p, b_p, c) over p in increasing order, whichever block
/// (vector or scalar tail) computes it, and an FMA rounds once in either form; so the result is
/// bit-identical for any shape split and does not depend on threads or hardware width.
/// </para>
/// </summary>
internal static class DenseProduct
{
    private const int Width = 4; // Vector256<double>.Count
    private const int Block = 4 * Width;

    /// <summary>
    /// C[r, j] += Σ_p A[r·aRow + p·aCol] · B[p·n + j] for r &lt; m, p &lt; k, j &lt; n; C is m × n, B is k × n,
    /// both row-major; A's strides let the same kernel read A or Aᵀ.
    /// </summary>
    public static void MultiplyAccumulate(int m, int k, int n, ReadOnlySpan<double> a, int aRow, int aCol, ReadOnlySpan<double> b, Span<double> c)
    {
        if (m == 0 || k == 0 || n == 0)
        {
            return;
        }

        if (c.Length < m * n || b.Length < k * n || a.Length <= ((m - 1) * aRow) + ((k - 1) * aCol))
        {
            throw new ArgumentException("operand spans are shorter than the product's shape");
        }

        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        int r = 0;
        for (; r + 1 < m; r += 2)
        {
            Rows2(r, k, n, ref ra, aRow, aCol, ref rb, ref rc);
        }

        if (r < m)
        {
            Rows1(r, k, n, ref ra, aRow, aCol, ref rb, ref rc);
        }
    }

    private static void Rows2(int r, int k, int n, ref double ra, int aRow, int aCol, ref double rb, ref double rc)
    {
        ref double a0 = ref Unsafe.Add(ref ra, r * aRow);
        ref double a1 = ref Unsafe.Add(ref ra, (r + 1) * aRow);
        ref double c0 = ref Unsafe.Add(ref rc, r * n);
        ref double c1 = ref Unsafe.Add(ref rc, (r + 1) * n);
        int j = 0;
        for (; j + Block <= n; j += Block)
        {
            nuint o = (nuint)j;
            var x0 = Vector256.LoadUnsafe(ref c0, o);
            var x1 = Vector256.LoadUnsafe(ref c0, o + Width);
            var x2 = Vector256.LoadUnsafe(ref c0, o + (2 * Width));
            var x3 = Vector256.LoadUnsafe(ref c0, o + (3 * Width));
            var y0 = Vector256.LoadUnsafe(ref c1, o);
            var y1 = Vector256.LoadUnsafe(ref c1, o + Width);
            var y2 = Vector256.LoadUnsafe(ref c1, o + (2 * Width));
            var y3 = Vector256.LoadUnsafe(ref c1, o + (3 * Width));
            for (int p = 0; p < k; p++)
            {
                nuint bo = (nuint)((p * n) + j);
                var b0 = Vector256.LoadUnsafe(ref rb, bo);
                var b1 = Vector256.LoadUnsafe(ref rb, bo + Width);
                var b2 = Vector256.LoadUnsafe(ref rb, bo + (2 * Width));
                var b3 = Vector256.LoadUnsafe(ref rb, bo + (3 * Width));
                var s0 = Vector256.Create(Unsafe.Add(ref a0, p * aCol));
                var s1 = Vector256.Create(Unsafe.Add(ref a1, p * aCol));
                x0 = Vector256.FusedMultiplyAdd(s0, b0, x0);
                x1 = Vector256.FusedMultiplyAdd(s0, b1, x1);
                x2 = Vector256.FusedMultiplyAdd(s0, b2, x2);
                x3 = Vector256.FusedMultiplyAdd(s0, b3, x3);
                y0 = Vector256.FusedMultiplyAdd(s1, b0, y0);
                y1 = Vector256.FusedMultiplyAdd(s1, b1, y1);
                y2 = Vector256.FusedMultiplyAdd(s1, b2, y2);
                y3 = Vector256.FusedMultiplyAdd(s1, b3, y3);
            }

            x0.StoreUnsafe(ref c0, o);
            x1.StoreUnsafe(ref c0, o + Width);
            x2.StoreUnsafe(ref c0, o + (2 * Width));
            x3.StoreUnsafe(ref c0, o + (3 * Width));
            y0.StoreUnsafe(ref c1, o);
            y1.StoreUnsafe(ref c1, o + Width);
            y2.StoreUnsafe(ref c1, o + (2 * Width));
            y3.StoreUnsafe(ref c1, o + (3 * Width));
        }

        for (; j + Width <= n; j += Width)
        {
            nuint o = (nuint)j;
            var x = Vector256.LoadUnsafe(ref c0, o);
            var y = Vector256.LoadUnsafe(ref c1, o);
            for (int p = 0; p < k; p++)
            {
                var bv = Vector256.LoadUnsafe(ref rb, (nuint)((p * n) + j));
                x = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, p * aCol)), bv, x);
                y = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a1, p * aCol)), bv, y);
            }

            x.StoreUnsafe(ref c0, o);
            y.StoreUnsafe(ref c1, o);
        }

        for (; j < n; j++)
        {
            double x = Unsafe.Add(ref c0, j);
            double y = Unsafe.Add(ref c1, j);
            for (int p = 0; p < k; p++)
            {
                double bv = Unsafe.Add(ref rb, (p * n) + j);
                x = Math.FusedMultiplyAdd(Unsafe.Add(ref a0, p * aCol), bv, x);
                y = Math.FusedMultiplyAdd(Unsafe.Add(ref a1, p * aCol), bv, y);
            }

            Unsafe.Add(ref c0, j) = x;
            Unsafe.Add(ref c1, j) = y;
        }
    }

    private static void Rows1(int r, int k, int n, ref double ra, int aRow, int aCol, ref double rb, ref double rc)
    {
        ref double a0 = ref Unsafe.Add(ref ra, r * aRow);
        ref double c0 = ref Unsafe.Add(ref rc, r * n);
        int j = 0;
        for (; j + Width <= n; j += Width)
        {
            nuint o = (nuint)j;
            var x = Vector256.LoadUnsafe(ref c0, o);
            for (int p = 0; p < k; p++)
            {
                x = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, p * aCol)), Vector256.LoadUnsafe(ref rb, (nuint)((p * n) + j)), x);
            }

            x.StoreUnsafe(ref c0, o);
        }

        for (; j < n; j++)
        {
            double x = Unsafe.Add(ref c0, j);
            for (int p = 0; p < k; p++)
            {
                x = Math.FusedMultiplyAdd(Unsafe.Add(ref a0, p * aCol), Unsafe.Add(ref rb, (p * n) + j), x);
            }

            Unsafe.Add(ref c0, j) = x;
        }
    }
}
