namespace Engram.Components.Blocks.Training;

/// <summary>
/// What the same weight changes would cost programmed row by row with write-verify instead of by the parallel
/// pulse update: each row in turn gets, for as many rounds as its most-pulsed cell needs, one pulse on every cell
/// still short of its count and one verify read of the row (drive, cells, conversions). The rounds use the pulse
/// counts the parallel update drew, so this is a lower bound on a real write-verify of the same change.
/// </summary>
public sealed class WriteVerifyTally
{
    public double EnergyJ { get; private set; }

    public long LatencyPs { get; private set; }

    public long Pulses { get; private set; }

    public long VerifyReads { get; private set; }

    public void AddRowByRow(ReadOnlySpan<int> counts, int rows, int cols, ReadOnlySpan<double> conductancesS, TrainingBlocks b)
    {
        var adc = b.Chip.Adcs;
        long readPs = b.Chip.Cells.ReadPs;
        int perArray = Math.Max(1, b.ArrayCols / b.ColumnsPerAdc);
        long waves = (Math.Min(cols, b.ArrayCols) + perArray - 1) / perArray;
        long roundPs = b.PulseWidthPs + readPs + (waves * b.ConvertPs);
        double vRead = b.ReadVoltageV;
        for (int r = 0; r < rows; r++)
        {
            var rowCounts = counts.Slice(r * cols, cols);
            int rounds = 0;
            double pulseJ = 0, readJ = 0;
            long pulses = 0;
            for (int c = 0; c < cols; c++)
            {
                int n = rowCounts[c];
                double g = conductancesS[(r * cols) + c];
                rounds = Math.Max(rounds, n);
                pulses += n;
                pulseJ += b.PulseEnergyJ(b.WriteVoltageV, g, n);
                readJ += (vRead * vRead * g * readPs * 1e-12) + adc.ConversionEnergyJ(g);
            }

            if (rounds == 0)
            {
                continue;
            }

            EnergyJ += pulseJ + (rounds * (readJ + b.Chip.Drivers.ActiveJ));
            LatencyPs += rounds * roundPs;
            Pulses += pulses;
            VerifyReads += rounds;
        }
    }
}
