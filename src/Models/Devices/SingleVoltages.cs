using System.Runtime.Intrinsics;

namespace Engram.Models.Devices;

/// <summary>Word-line voltages in single precision, for the dot products of single-precision arrays.</summary>
public static class SingleVoltages
{
    /// <summary>(float)v for every word line, eight at a time (cvtpd2ps rounds to nearest, as the scalar cast does).</summary>
    public static void Narrow(ReadOnlySpan<double> voltagesV, Span<float> singleV)
    {
        if (singleV.Length < voltagesV.Length)
        {
            throw new ArgumentException($"expected room for {voltagesV.Length} voltages, got {singleV.Length}", nameof(singleV));
        }

        int r = 0;
        for (; r + 8 <= voltagesV.Length; r += 8)
        {
            Vector256.Narrow(Vector256.Create(voltagesV.Slice(r, 4)), Vector256.Create(voltagesV.Slice(r + 4, 4))).CopyTo(singleV.Slice(r, 8));
        }

        for (; r < voltagesV.Length; r++)
        {
            singleV[r] = (float)voltagesV[r];
        }
    }
}
