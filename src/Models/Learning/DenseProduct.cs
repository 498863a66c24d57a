using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Engram.Models.Learning;

/// <summary>
/// C += A·B (T = float or double) for the small dense products of full-batch training (P × N by N × N and its transposes)
/// and of batched recall (states × Wᵀ), where calling a span primitive per row of 64 elements spends more time in
/// the call than in the arithmetic.
/// A register-blocked kernel: two rows of C by four vectors of columns stay in eight AVX registers while the inner
/// dimension streams through, so each loaded row of B feeds two FMAs; six rows by two vectors (twelve
/// accumulators) where the shape allows.
/// <para>
/// Every element of C is the chain c ← fma(a_p, b_p, c) over p in increasing order, whichever block
/// (vector or scalar tail) computes it, and an FMA rounds once in either form; so the result is
/// bit-identical for any shape split and does not depend on threads or hardware width.
/// </para>
/// </summary>
internal static class DenseProduct<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    // Vector256<T>.Count is a JIT-time constant, so these fold away per instantiation.
    private static int Width => Vector256<T>.Count;

    private static int Block => 4 * Width;

    /// <summary>
    /// C[r, j] += Σ_p A[r·aRow + p·aCol] · B[p·n + j] for r &lt; m, p &lt; k, j &lt; n; C is m × n, B is k × n,
    /// both row-major; A's strides let the same kernel read A or Aᵀ.
    /// </summary>
    public static void MultiplyAccumulate(int m, int k, int n, ReadOnlySpan<T> a, int aRow, int aCol, ReadOnlySpan<T> b, Span<T> c)
    {
        if (m == 0 || k == 0 || n == 0)
        {
            return;
        }

        if (c.Length < m * n || b.Length < k * n || a.Length <= ((m - 1) * aRow) + ((k - 1) * aCol))
        {
            throw new ArgumentException("operand spans are shorter than the product's shape");
        }

        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rc = ref MemoryMarshal.GetReference(c);
        int r = 0;
        for (; r + 5 < m; r += 6)
        {
            Rows6(r, k, n, ref ra, aRow, aCol, ref rb, ref rc);
        }

        for (; r + 1 < m; r += 2)
        {
            Rows2(r, k, n, ref ra, aRow, aCol, ref rb, ref rc);
        }

        if (r < m)
        {
            Rows1(r, 0, k, n, ref ra, aRow, aCol, ref rb, ref rc);
        }
    }

    // Six rows by two vectors: twelve independent accumulators cover the FMA latency (5 cycles × 2 ports)
    // and, with two B vectors and a broadcast, fit the sixteen AVX registers.
    // The five row offsets of A are loop invariants held as native ints: left as int products, the JIT re-derives
    // them in every iteration, which costs issue slots the twelve FMAs need.
    private static void Rows6(int r, int k, int n, ref T ra, int aRow, int aCol, ref T rb, ref T rc)
    {
        ref T a0 = ref Unsafe.Add(ref ra, r * aRow);
        ref T c0 = ref Unsafe.Add(ref rc, r * n);
        nint a1 = aRow, a2 = 2 * (nint)aRow, a3 = 3 * (nint)aRow, a4 = 4 * (nint)aRow, a5 = 5 * (nint)aRow, step = aCol, bStep = n;
        nuint w = (nuint)Width;
        int j = 0;
        for (; j + (2 * Width) <= n; j += 2 * Width)
        {
            nuint o = (nuint)j;
            nuint row = (nuint)n;
            var x00 = Vector256.LoadUnsafe(ref c0, o);
            var x01 = Vector256.LoadUnsafe(ref c0, o + w);
            var x10 = Vector256.LoadUnsafe(ref c0, o + row);
            var x11 = Vector256.LoadUnsafe(ref c0, o + row + w);
            var x20 = Vector256.LoadUnsafe(ref c0, o + (2 * row));
            var x21 = Vector256.LoadUnsafe(ref c0, o + (2 * row) + w);
            var x30 = Vector256.LoadUnsafe(ref c0, o + (3 * row));
            var x31 = Vector256.LoadUnsafe(ref c0, o + (3 * row) + w);
            var x40 = Vector256.LoadUnsafe(ref c0, o + (4 * row));
            var x41 = Vector256.LoadUnsafe(ref c0, o + (4 * row) + w);
            var x50 = Vector256.LoadUnsafe(ref c0, o + (5 * row));
            var x51 = Vector256.LoadUnsafe(ref c0, o + (5 * row) + w);
            ref T bp = ref Unsafe.Add(ref rb, j);
            ref T ap = ref a0;
            for (int p = 0; p < k; p++)
            {
                var b0 = Vector256.LoadUnsafe(ref bp);
                var b1 = Vector256.LoadUnsafe(ref bp, w);
                var s = Vector256.Create(ap);
                x00 = Fma(s, b0, x00);
                x01 = Fma(s, b1, x01);
                s = Vector256.Create(Unsafe.Add(ref ap, a1));
                x10 = Fma(s, b0, x10);
                x11 = Fma(s, b1, x11);
                s = Vector256.Create(Unsafe.Add(ref ap, a2));
                x20 = Fma(s, b0, x20);
                x21 = Fma(s, b1, x21);
                s = Vector256.Create(Unsafe.Add(ref ap, a3));
                x30 = Fma(s, b0, x30);
                x31 = Fma(s, b1, x31);
                s = Vector256.Create(Unsafe.Add(ref ap, a4));
                x40 = Fma(s, b0, x40);
                x41 = Fma(s, b1, x41);
                s = Vector256.Create(Unsafe.Add(ref ap, a5));
                x50 = Fma(s, b0, x50);
                x51 = Fma(s, b1, x51);
                bp = ref Unsafe.Add(ref bp, bStep);
                ap = ref Unsafe.Add(ref ap, step);
            }

            x00.StoreUnsafe(ref c0, o);
            x01.StoreUnsafe(ref c0, o + w);
            x10.StoreUnsafe(ref c0, o + row);
            x11.StoreUnsafe(ref c0, o + row + w);
            x20.StoreUnsafe(ref c0, o + (2 * row));
            x21.StoreUnsafe(ref c0, o + (2 * row) + w);
            x30.StoreUnsafe(ref c0, o + (3 * row));
            x31.StoreUnsafe(ref c0, o + (3 * row) + w);
            x40.StoreUnsafe(ref c0, o + (4 * row));
            x41.StoreUnsafe(ref c0, o + (4 * row) + w);
            x50.StoreUnsafe(ref c0, o + (5 * row));
            x51.StoreUnsafe(ref c0, o + (5 * row) + w);
        }

        // One vector left (an odd count of vectors): six rows still give six independent FMA chains.
        if (j + Width <= n)
        {
            nuint o = (nuint)j;
            nuint row = (nuint)n;
            var x0 = Vector256.LoadUnsafe(ref c0, o);
            var x1 = Vector256.LoadUnsafe(ref c0, o + row);
            var x2 = Vector256.LoadUnsafe(ref c0, o + (2 * row));
            var x3 = Vector256.LoadUnsafe(ref c0, o + (3 * row));
            var x4 = Vector256.LoadUnsafe(ref c0, o + (4 * row));
            var x5 = Vector256.LoadUnsafe(ref c0, o + (5 * row));
            ref T bp = ref Unsafe.Add(ref rb, j);
            ref T ap = ref a0;
            for (int p = 0; p < k; p++)
            {
                var b0 = Vector256.LoadUnsafe(ref bp);
                x0 = Fma(Vector256.Create(ap), b0, x0);
                x1 = Fma(Vector256.Create(Unsafe.Add(ref ap, a1)), b0, x1);
                x2 = Fma(Vector256.Create(Unsafe.Add(ref ap, a2)), b0, x2);
                x3 = Fma(Vector256.Create(Unsafe.Add(ref ap, a3)), b0, x3);
                x4 = Fma(Vector256.Create(Unsafe.Add(ref ap, a4)), b0, x4);
                x5 = Fma(Vector256.Create(Unsafe.Add(ref ap, a5)), b0, x5);
                bp = ref Unsafe.Add(ref bp, bStep);
                ap = ref Unsafe.Add(ref ap, step);
            }

            x0.StoreUnsafe(ref c0, o);
            x1.StoreUnsafe(ref c0, o + row);
            x2.StoreUnsafe(ref c0, o + (2 * row));
            x3.StoreUnsafe(ref c0, o + (3 * row));
            x4.StoreUnsafe(ref c0, o + (4 * row));
            x5.StoreUnsafe(ref c0, o + (5 * row));
            j += Width;
        }

        if (j < n)
        {
            for (int q = 0; q < 6; q++)
            {
                Rows1(r + q, j, k, n, ref ra, aRow, aCol, ref rb, ref rc);
            }
        }
    }

    private static void Rows2(int r, int k, int n, ref T ra, int aRow, int aCol, ref T rb, ref T rc)
    {
        ref T a0 = ref Unsafe.Add(ref ra, r * aRow);
        ref T a1 = ref Unsafe.Add(ref ra, (r + 1) * aRow);
        ref T c0 = ref Unsafe.Add(ref rc, r * n);
        ref T c1 = ref Unsafe.Add(ref rc, (r + 1) * n);
        int j = 0;
        for (; j + Block <= n; j += Block)
        {
            nuint o = (nuint)j;
            var x0 = Vector256.LoadUnsafe(ref c0, o);
            var x1 = Vector256.LoadUnsafe(ref c0, o + (nuint)Width);
            var x2 = Vector256.LoadUnsafe(ref c0, o + (nuint)(2 * Width));
            var x3 = Vector256.LoadUnsafe(ref c0, o + (nuint)(3 * Width));
            var y0 = Vector256.LoadUnsafe(ref c1, o);
            var y1 = Vector256.LoadUnsafe(ref c1, o + (nuint)Width);
            var y2 = Vector256.LoadUnsafe(ref c1, o + (nuint)(2 * Width));
            var y3 = Vector256.LoadUnsafe(ref c1, o + (nuint)(3 * Width));
            for (int p = 0; p < k; p++)
            {
                nuint bo = (nuint)((p * n) + j);
                var b0 = Vector256.LoadUnsafe(ref rb, bo);
                var b1 = Vector256.LoadUnsafe(ref rb, bo + (nuint)Width);
                var b2 = Vector256.LoadUnsafe(ref rb, bo + (nuint)(2 * Width));
                var b3 = Vector256.LoadUnsafe(ref rb, bo + (nuint)(3 * Width));
                var s0 = Vector256.Create(Unsafe.Add(ref a0, p * aCol));
                var s1 = Vector256.Create(Unsafe.Add(ref a1, p * aCol));
                x0 = Fma(s0, b0, x0);
                x1 = Fma(s0, b1, x1);
                x2 = Fma(s0, b2, x2);
                x3 = Fma(s0, b3, x3);
                y0 = Fma(s1, b0, y0);
                y1 = Fma(s1, b1, y1);
                y2 = Fma(s1, b2, y2);
                y3 = Fma(s1, b3, y3);
            }

            x0.StoreUnsafe(ref c0, o);
            x1.StoreUnsafe(ref c0, o + (nuint)Width);
            x2.StoreUnsafe(ref c0, o + (nuint)(2 * Width));
            x3.StoreUnsafe(ref c0, o + (nuint)(3 * Width));
            y0.StoreUnsafe(ref c1, o);
            y1.StoreUnsafe(ref c1, o + (nuint)Width);
            y2.StoreUnsafe(ref c1, o + (nuint)(2 * Width));
            y3.StoreUnsafe(ref c1, o + (nuint)(3 * Width));
        }

        for (; j + Width <= n; j += Width)
        {
            nuint o = (nuint)j;
            var x = Vector256.LoadUnsafe(ref c0, o);
            var y = Vector256.LoadUnsafe(ref c1, o);
            for (int p = 0; p < k; p++)
            {
                var bv = Vector256.LoadUnsafe(ref rb, (nuint)((p * n) + j));
                x = Fma(Vector256.Create(Unsafe.Add(ref a0, p * aCol)), bv, x);
                y = Fma(Vector256.Create(Unsafe.Add(ref a1, p * aCol)), bv, y);
            }

            x.StoreUnsafe(ref c0, o);
            y.StoreUnsafe(ref c1, o);
        }

        for (; j < n; j++)
        {
            T x = Unsafe.Add(ref c0, j);
            T y = Unsafe.Add(ref c1, j);
            for (int p = 0; p < k; p++)
            {
                T bv = Unsafe.Add(ref rb, (p * n) + j);
                x = T.FusedMultiplyAdd(Unsafe.Add(ref a0, p * aCol), bv, x);
                y = T.FusedMultiplyAdd(Unsafe.Add(ref a1, p * aCol), bv, y);
            }

            Unsafe.Add(ref c0, j) = x;
            Unsafe.Add(ref c1, j) = y;
        }
    }

    // Row r from column j0 on (a whole row, or the column tail of a wider block).
    private static void Rows1(int r, int j0, int k, int n, ref T ra, int aRow, int aCol, ref T rb, ref T rc)
    {
        ref T a0 = ref Unsafe.Add(ref ra, r * aRow);
        ref T c0 = ref Unsafe.Add(ref rc, r * n);
        int j = j0;
        for (; j + Width <= n; j += Width)
        {
            nuint o = (nuint)j;
            var x = Vector256.LoadUnsafe(ref c0, o);
            for (int p = 0; p < k; p++)
            {
                x = Fma(Vector256.Create(Unsafe.Add(ref a0, p * aCol)), Vector256.LoadUnsafe(ref rb, (nuint)((p * n) + j)), x);
            }

            x.StoreUnsafe(ref c0, o);
        }

        for (; j < n; j++)
        {
            T x = Unsafe.Add(ref c0, j);
            for (int p = 0; p < k; p++)
            {
                x = T.FusedMultiplyAdd(Unsafe.Add(ref a0, p * aCol), Unsafe.Add(ref rb, (p * n) + j), x);
            }

            Unsafe.Add(ref c0, j) = x;
        }
    }

    // Vector256.FusedMultiplyAdd exists for float and double only; the type test is resolved by the JIT.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c) =>
        typeof(T) == typeof(float)
            ? Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
            : Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
}
