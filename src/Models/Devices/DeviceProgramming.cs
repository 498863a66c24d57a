namespace Engram.Models.Devices;

/// <summary>
/// Programming of single cells: set-to-target with programming noise and write-verify loops.
/// Targets are quantized to the card's levels first; stuck cells never move.
/// </summary>
public static class DeviceProgramming
{
    /// <summary>
    /// One programming pulse towards <paramref name="targetS"/>: G = Q(target) + σ_p·(Gmax − Gmin)·ξ, clamped to the
    /// device's own range. Returns false when the cell is stuck (nothing changes).
    /// </summary>
    public static bool SetConductance(DeviceArray array, int row, int col, double targetS, Random rng) =>
        Set(array, array.CellIndex(row, col), array.Card.Quantize(targetS), rng);

    /// <summary>Programs a row-major matrix of targets, one pulse per cell; returns the number of cells that moved.</summary>
    public static int SetConductances(DeviceArray array, ReadOnlySpan<double> targetsS, Random rng)
    {
        if (targetsS.Length != array.CellCount)
        {
            throw new ArgumentException($"expected {array.CellCount} targets, got {targetsS.Length}", nameof(targetsS));
        }

        return array.WriteAll(targetsS, rng, new ProgrammingPulse(array.Card));
    }

    /// <summary>
    /// Consumes from <paramref name="rng"/> exactly the draws <see cref="SetConductances"/> on
    /// <paramref name="array"/> would (its programming noise and write noise, per free cell in cell order), without
    /// their deviates: the stream position after the array, so the arrays of a layer can be programmed in parallel
    /// from copies of one stream taken at each array's start.
    /// </summary>
    public static void SkipSetConductances(DeviceArray array, Random rng)
    {
        // Per free cell, as WriteAll draws them: the pulse's deviate (if it draws one), then the write noise.
        int draws = (new ProgrammingPulse(array.Card).Draws ? 1 : 0) + (array.WriteNoiseDraws ? 1 : 0);
        StandardNormal.SkipEach(rng, (long)draws * (array.CellCount - array.StuckCount));
    }

    /// <summary>
    /// Verify-read, and while the read is off target by more than the tolerance, spend one programming pulse and
    /// read again, up to <paramref name="maxPulses"/> pulses (card defaults when null). Verify reads carry read noise.
    /// </summary>
    public static WriteVerifyResult WriteVerify(
        DeviceArray array,
        int row,
        int col,
        double targetS,
        Random rng,
        WriteVerifyMode mode = WriteVerifyMode.Reprogram,
        int? maxPulses = null,
        double? toleranceFraction = null)
    {
        var card = array.Card;
        int limit = maxPulses ?? card.WriteVerify.MaxPulses;
        double tolerance = (toleranceFraction ?? card.WriteVerify.ToleranceFraction) * card.RangeS;
        // The target as the array can hold it: a single-precision array stores the nearest float.
        double target = array.Stored(card.Quantize(targetS));
        int cell = array.CellIndex(row, col);
        int pulses = 0;
        int reads = 0;
        while (true)
        {
            double read = array.ReadConductance(row, col, rng);
            reads++;
            double error = read - target;
            if (Math.Abs(error) <= tolerance)
            {
                return new WriteVerifyResult(pulses, reads, true, array.ConductanceAt(cell));
            }

            if (pulses >= limit || array.IsStuck(cell))
            {
                // A stuck cell cannot be corrected; report it at once instead of burning pulses.
                return new WriteVerifyResult(pulses, reads, false, array.ConductanceAt(cell));
            }

            if (mode == WriteVerifyMode.Reprogram)
            {
                Set(array, cell, target, rng);
            }
            else
            {
                array.ApplyPulses(cell, error < 0 ? PulseDirection.Up : PulseDirection.Down, 1, rng);
            }

            pulses++;
        }
    }

    private static bool Set(DeviceArray array, int cell, double quantizedTargetS, Random rng)
    {
        if (array.IsStuck(cell))
        {
            return false;
        }

        // The target is quantized already: the pulse's value for it as its aim.
        var pulse = new ProgrammingPulse(array.Card);
        array.WriteFree(cell, pulse.Value(quantizedTargetS, pulse.Draws ? StandardNormal.Sample(rng) : 0), rng);
        return true;
    }

    /// <summary>One programming pulse: the target quantized to the card's levels, plus programming noise.</summary>
    private readonly struct ProgrammingPulse(DeviceCard card) : ICellWrite
    {
        private readonly double _sigmaS = card.ProgrammingNoiseStdFraction * card.RangeS;

        public bool Draws => _sigmaS > 0;

        public double Aim(double targetS) => card.Quantize(targetS);

        public double Value(double aimS, double deviate) => _sigmaS > 0 ? aimS + (_sigmaS * deviate) : aimS;
    }
}
