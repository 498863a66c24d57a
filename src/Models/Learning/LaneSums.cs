using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Engram.Models.Learning;

/// <summary>
/// Sums of the eight lanes of float vectors in one fixed order, ((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7)):
/// the order AVX's horizontal adds produce, and the order the portable path spells out, so a sum has the same bits
/// on every machine (<c>Vector256.Sum</c> leaves its order to the platform).
/// </summary>
internal static class LaneSums
{
    /// <summary>The lane sum of one vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Of(Vector256<float> v) =>
        ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));

    /// <summary>The lane sums of eight vectors: lane q of the result is <see cref="Of"/>(a_q).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Of8(
        Vector256<float> a0, Vector256<float> a1, Vector256<float> a2, Vector256<float> a3,
        Vector256<float> a4, Vector256<float> a5, Vector256<float> a6, Vector256<float> a7)
    {
        if (Avx.IsSupported)
        {
            // hadd(hadd(a0, a1), hadd(a2, a3)) holds (q0+q1)+(q2+q3) of a0…a3 in its low half and (q4+q5)+(q6+q7) in its high half.
            var h0123 = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
            var h4567 = Avx.HorizontalAdd(Avx.HorizontalAdd(a4, a5), Avx.HorizontalAdd(a6, a7));
            return Avx.Permute2x128(h0123, h4567, 0x20) + Avx.Permute2x128(h0123, h4567, 0x31);
        }

        return Vector256.Create(Of(a0), Of(a1), Of(a2), Of(a3), Of(a4), Of(a5), Of(a6), Of(a7));
    }
}
