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

        int limit = (1 << (bits - 1)) - 1;
        return (int)Math.Clamp(Math.Round(currentA / codeStepA, MidpointRounding.AwayFromZero), -limit, limit);
    }
}
