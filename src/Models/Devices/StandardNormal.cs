using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engram.Models.Devices;

/// <summary>
/// N(0, 1) deviates from a caller's <see cref="Random"/> (Marsaglia polar method). The second deviate is
/// dropped so that the result depends only on the stream, never on hidden state kept here.
/// </summary>
public static class StandardNormal
{
    private const int RunLength = 512;

    public static double Sample(Random rng)
    {
        while (true)
        {
            double u = 2.0 * rng.NextDouble() - 1.0;
            double v = 2.0 * rng.NextDouble() - 1.0;
            double s = u * u + v * v;
            if (IsAccepted(s))
            {
                return u * PolarFactor(s);
            }
        }
    }

    /// <summary>Consumes exactly the draws <see cref="Sample"/> would, without the deviate (whose logarithm is most of its cost).</summary>
    public static void Skip(Random rng)
    {
        while (true)
        {
            double u = 2.0 * rng.NextDouble() - 1.0;
            double v = 2.0 * rng.NextDouble() - 1.0;
            double s = u * u + v * v;
            if (IsAccepted(s))
            {
                return;
            }
        }
    }

    /// <summary>
    /// <see cref="Sample"/> once per entry of <paramref name="deviates"/>, in order: the same deviates, and
    /// <paramref name="rng"/> left where those calls leave it. The uniforms come in runs (one call per run from a
    /// source with <see cref="IUniformBatch"/>) no longer than twice the deviates still owed (each needs at least one
    /// more pair), so nothing past the last deviate is drawn.
    /// </summary>
    public static void SampleEach(Random rng, Span<double> deviates)
    {
        int run = RunFor(deviates.Length);
        Span<double> uniforms = stackalloc double[run];
        Span<double> u = stackalloc double[run / 2];
        Span<double> s = stackalloc double[run / 2];
        int done = 0;
        while (done < deviates.Length)
        {
            int accepted = NextPairs(rng, deviates.Length - done, uniforms, u, [], s);
            for (int k = 0; k < accepted; k++)
            {
                deviates[done + k] = u[k] * PolarFactor(s[k]);
            }

            done += accepted;
        }
    }

    /// <summary><see cref="Skip"/> <paramref name="count"/> times, reading the uniforms in runs as <see cref="SampleEach"/> does.</summary>
    public static void SkipEach(Random rng, long count)
    {
        int run = RunFor(count);
        Span<double> uniforms = stackalloc double[run];
        Span<double> u = stackalloc double[run / 2];
        Span<double> s = stackalloc double[run / 2];
        long done = 0;
        while (done < count)
        {
            done += NextPairs(rng, count - done, uniforms, u, [], s);
        }
    }

    /// <summary>
    /// The accepted pairs of the next run of <paramref name="rng"/>'s uniforms, at most <paramref name="owedPairs"/>
    /// pairs long (what the draws still owed take at least), so a run never reads past them.
    /// </summary>
    private static int NextPairs(Random rng, long owedPairs, Span<double> uniforms, Span<double> u, Span<double> v, Span<double> s)
    {
        var run = uniforms[..(int)Math.Min(uniforms.Length, 2 * owedPairs)];
        Uniforms(rng, run);
        return AcceptedPairs(run, u, v, s);
    }

    // The longest run NextPairs takes for this many pairs owed: 2·pairs uniforms, at most RunLength.
    private static int RunFor(long owedPairs) => (int)Math.Min(RunLength, 2 * Math.Max(owedPairs, 0));

    /// <summary>√(−2 ln s / s): the polar method's factor of an accepted pair (u, v), whose deviates are u·f and v·f.</summary>
    internal static double PolarFactor(double s) => Math.Sqrt(-2.0 * Math.Log(s) / s);

    /// <summary>Whether the polar method accepts a pair with u² + v² = <paramref name="s"/>.</summary>
    private static bool IsAccepted(double s) => s > 0.0 && s < 1.0;

    /// <summary>The next <c>uniforms.Length</c> uniforms of <paramref name="rng"/>, in one run when it has <see cref="IUniformBatch"/>.</summary>
    internal static void Uniforms(Random rng, Span<double> uniforms)
    {
        if (rng is IUniformBatch batch)
        {
            batch.NextDoubles(uniforms);
            return;
        }

        for (int i = 0; i < uniforms.Length; i++)
        {
            uniforms[i] = rng.NextDouble();
        }
    }

    /// <summary>
    /// The pairs of <paramref name="uniforms"/> (taken two by two) that the polar method accepts, as (u, s) in order;
    /// returns how many. <paramref name="u"/> and <paramref name="s"/> hold at least one entry per pair. Four pairs at
    /// a time where AVX2 is there (the same products and sums, so the same bits), the accepted ones packed to the
    /// front by a permutation; no branch per pair either way.
    /// </summary>
    internal static int AcceptedPairs(ReadOnlySpan<double> uniforms, Span<double> u, Span<double> s) =>
        AcceptedPairs(uniforms, u, [], s);

    /// <summary>As <see cref="AcceptedPairs(ReadOnlySpan{double}, Span{double}, Span{double})"/>, keeping each pair's v as well when <paramref name="v"/> is not empty.</summary>
    internal static int AcceptedPairs(ReadOnlySpan<double> uniforms, Span<double> u, Span<double> v, Span<double> s)
    {
        int pairs = uniforms.Length / 2;
        bool keepV = !v.IsEmpty;
        if (u.Length < pairs || s.Length < pairs || (keepV && v.Length < pairs))
        {
            throw new ArgumentException($"room for {pairs} pairs needed");
        }

        int accepted = 0, i = 0;
        if (Avx2.IsSupported)
        {
            ref double from = ref MemoryMarshal.GetReference(uniforms);
            ref double toU = ref MemoryMarshal.GetReference(u);
            ref double toS = ref MemoryMarshal.GetReference(s);
            ref double toV = ref MemoryMarshal.GetReference(v);
            var two = Vector256.Create(2.0);
            var one = Vector256.Create(1.0);
            // A store of four at `accepted` stays inside: accepted ≤ i/2 and i + 8 ≤ 2·pairs.
            for (; i + 8 <= uniforms.Length; i += 8)
            {
                var a = Vector256.LoadUnsafe(ref from, (nuint)i);
                var b = Vector256.LoadUnsafe(ref from, (nuint)(i + 4));
                // unpack gives lanes (0, 2, 1, 3) of the four pairs; the permute puts them back in pair order.
                var x = (two * Avx2.Permute4x64(Avx.UnpackLow(a, b), 0b11_01_10_00)) - one;
                var y = (two * Avx2.Permute4x64(Avx.UnpackHigh(a, b), 0b11_01_10_00)) - one;
                var square = (x * x) + (y * y);
                var keep = Vector256.GreaterThan(square, Vector256<double>.Zero) & Vector256.LessThan(square, one);
                uint mask = keep.ExtractMostSignificantBits();
                var pack = PackOrder[(int)mask];
                Avx2.PermuteVar8x32(x.AsSingle(), pack).AsDouble().StoreUnsafe(ref toU, (nuint)accepted);
                Avx2.PermuteVar8x32(square.AsSingle(), pack).AsDouble().StoreUnsafe(ref toS, (nuint)accepted);
                if (keepV)
                {
                    Avx2.PermuteVar8x32(y.AsSingle(), pack).AsDouble().StoreUnsafe(ref toV, (nuint)accepted);
                }

                accepted += BitOperations.PopCount(mask);
            }
        }

        for (; i + 1 < uniforms.Length; i += 2)
        {
            double x = (2.0 * uniforms[i]) - 1.0;
            double y = (2.0 * uniforms[i + 1]) - 1.0;
            double square = (x * x) + (y * y);
            u[accepted] = x;
            s[accepted] = square;
            if (keepV)
            {
                v[accepted] = y;
            }

            accepted += Unsafe.BitCast<bool, byte>(square > 0.0) & Unsafe.BitCast<bool, byte>(square < 1.0);
        }

        return accepted;
    }

    // Per 4-bit mask of kept lanes, the 32-bit lane order that moves the kept doubles to the front, in order.
    private static readonly Vector256<int>[] PackOrder = [.. Enumerable.Range(0, 16).Select(mask =>
    {
        var order = new int[8];
        int k = 0;
        for (int lane = 0; lane < 4; lane++)
        {
            if ((mask & (1 << lane)) != 0)
            {
                order[2 * k] = 2 * lane;
                order[(2 * k) + 1] = (2 * lane) + 1;
                k++;
            }
        }

        return Vector256.Create(order);
    })];

    /// <summary>
    /// The accepted polar pairs that <see cref="Fill"/> of 2·<c>u.Length</c> (or one fewer) deviates takes, in order: each
    /// pair's u, v and s = u² + v², with <paramref name="rng"/> left where that fill leaves it. <see cref="FromPairs"/>
    /// makes the deviates of them, so the draws (which must follow the stream) and the logarithms (which need not) can
    /// be taken apart: the second on several threads.
    /// </summary>
    public static void FillPairs(Random rng, Span<double> u, Span<double> v, Span<double> s)
    {
        int pairs = u.Length;
        if (v.Length != pairs || s.Length != pairs)
        {
            throw new ArgumentException($"u, v and s of one length expected, got {u.Length}, {v.Length} and {s.Length}");
        }

        Span<double> uniforms = stackalloc double[RunFor(pairs)];
        int done = 0;
        while (done < pairs)
        {
            done += NextPairs(rng, pairs - done, uniforms, u[done..], v[done..], s[done..]);
        }
    }

    /// <summary>
    /// The deviates of <see cref="Fill"/> from the pairs <see cref="FillPairs"/> took: u·f then v·f of each pair, f its
    /// polar factor, the last v dropped when <paramref name="deviates"/> is odd; the pairs' spans hold ⌈length/2⌉ each.
    /// </summary>
    public static void FromPairs(ReadOnlySpan<double> u, ReadOnlySpan<double> v, ReadOnlySpan<double> s, Span<double> deviates)
    {
        int pairs = (deviates.Length + 1) / 2;
        if (u.Length < pairs || v.Length < pairs || s.Length < pairs)
        {
            throw new ArgumentException($"{deviates.Length} deviates need {pairs} pairs");
        }

        int k = 0, i = 0;
        if (Avx.IsSupported)
        {
            // Four pairs at a time: the logarithms one by one (as PolarFactor takes them), the rest of the factor and the
            // products lane by lane (the same operations, so the same bits), stored interleaved as u·f, v·f.
            var minusTwo = Vector256.Create(-2.0);
            ref double toDeviates = ref MemoryMarshal.GetReference(deviates);
            for (; (2 * (k + 4)) <= deviates.Length; k += 4, i += 8)
            {
                var square = Vector256.Create(s[k], s[k + 1], s[k + 2], s[k + 3]);
                var logs = Vector256.Create(Math.Log(s[k]), Math.Log(s[k + 1]), Math.Log(s[k + 2]), Math.Log(s[k + 3]));
                var f = Vector256.Sqrt((minusTwo * logs) / square);
                var du = Vector256.Create(u.Slice(k, 4)) * f;
                var dv = Vector256.Create(v.Slice(k, 4)) * f;
                // unpack gives (u0, v0, u2, v2) and (u1, v1, u3, v3); the 128-bit permutes put them in pair order.
                var low = Avx.UnpackLow(du, dv);
                var high = Avx.UnpackHigh(du, dv);
                Avx.Permute2x128(low, high, 0x20).StoreUnsafe(ref toDeviates, (nuint)i);
                Avx.Permute2x128(low, high, 0x31).StoreUnsafe(ref toDeviates, (nuint)(i + 4));
            }
        }

        for (; k < pairs; k++)
        {
            double f = PolarFactor(s[k]);
            deviates[i++] = u[k] * f;
            if (i < deviates.Length)
            {
                deviates[i++] = v[k] * f;
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="deviates"/> with N(0, 1) deviates using both of each polar pair (half the draws and
    /// logarithms of calling <see cref="Sample"/> per deviate); an odd last one drops its partner, so the result
    /// still depends only on the stream and the length.
    /// </summary>
    public static void Fill(Random rng, Span<double> deviates)
    {
        // The deviates still owed need at least ⌈owed/2⌉ more pairs: runs of that many never read past them. The scratch
        // is no longer than the first run (stack memory is cleared when taken, and a read of one macro fills ~100).
        int run = RunFor((deviates.Length + 1L) / 2);
        Span<double> uniforms = stackalloc double[run];
        Span<double> u = stackalloc double[run / 2];
        Span<double> v = stackalloc double[run / 2];
        Span<double> s = stackalloc double[run / 2];
        int i = 0;
        while (i < deviates.Length)
        {
            int accepted = NextPairs(rng, (deviates.Length - i + 1) / 2, uniforms, u, v, s);
            int made = Math.Min(2 * accepted, deviates.Length - i);
            FromPairs(u[..accepted], v[..accepted], s[..accepted], deviates.Slice(i, made));
            i += made;
        }
    }
}
