using Engram.Sim.Core;
using Engram.Sim.Monitoring;
using Engram.Sim.Resources;

namespace Engram.Workloads.Examples;

/// <summary>Inputs of <see cref="AdcSharingExample"/>.</summary>
/// <param name="Columns">Bit lines read in one crossbar read.</param>
/// <param name="Adcs">Converters shared by the columns (columns per ADC = Columns / Adcs, rounded up).</param>
/// <param name="ReadPulsePs">Word-line read pulse before the column currents can be sampled.</param>
/// <param name="ConversionPs">One conversion on one ADC.</param>
/// <param name="Seed">Master seed; this example draws no random numbers, so it only labels the run.</param>
public sealed record AdcSharingConfig(int Columns, int Adcs, long ReadPulsePs, long ConversionPs, ulong Seed)
{
    // Defaults: a 64-column read (He et al.'s 64×64 array) through 8 ADCs; 1 ns read pulse and 1 ns
    // flash conversion from NeuroSim V1.3 (as modified by CiMLoop), 22 nm, the "neurosim" profile (docs/cost-models.md).
    public static AdcSharingConfig Default { get; } = new(64, 8, 1_000, 1_000, 1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (Columns < 1)
        {
            throw new ArgumentException($"columns must be at least 1 (got {Columns})");
        }

        if (Adcs < 1 || Adcs > Columns)
        {
            throw new ArgumentException($"adcs must be between 1 and the number of columns, {Columns} (got {Adcs})");
        }

        if (ReadPulsePs < 0)
        {
            throw new ArgumentException($"read-pulse-ps must be >= 0 (got {ReadPulsePs})");
        }

        if (ConversionPs < 1)
        {
            throw new ArgumentException($"conversion-ps must be >= 1 (got {ConversionPs})");
        }
    }
}

/// <summary>What one run of <see cref="AdcSharingExample"/> measured.</summary>
public sealed record AdcSharingResult(
    long LatencyPs,
    long Conversions,
    double AdcUtilization,
    double MeanQueueWaitPs,
    long Dispatches,
    ulong DispatchHash);

/// <summary>
/// The kernel on the smallest question the chip will ask: after one read pulse, every column of a
/// crossbar needs a conversion, and the columns share a few ADCs (a <see cref="Resource"/>).
/// Closed form: latency = read pulse + ⌈columns / ADCs⌉ · conversion time.
/// </summary>
public static class AdcSharingExample
{
    public static AdcSharingResult Run(AdcSharingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        var sim = new Simulation(new SimulationOptions { Seed = config.Seed, ExpectedPending = config.Columns + 1 });
        var adcs = new Resource(sim, config.Adcs, "adc");
        var busy = new TimeWeightedMonitor(sim, "adcs busy");
        long conversions = 0;

        IEnumerable<Wait> Column()
        {
            yield return sim.Timeout(config.ReadPulsePs);
            using var adc = adcs.Request();
            yield return adc;
            busy.Update(adcs.InUse);
            yield return sim.Timeout(config.ConversionPs);
            conversions++;
            busy.Update(adcs.InUse - 1);
        }

        var columns = new Event[config.Columns];
        for (int c = 0; c < config.Columns; c++)
        {
            columns[c] = sim.Process(Column(), $"column{c}");
        }

        sim.Run(sim.AllOf(columns));
        long latencyPs = sim.Now;
        long convertingPs = latencyPs - config.ReadPulsePs;
        double utilization = convertingPs == 0 ? 0 : busy.Integral / ((double)config.Adcs * convertingPs);
        double meanWaitPs = (double)adcs.TotalWaitTicks / adcs.Grants;
        return new AdcSharingResult(latencyPs, conversions, utilization, meanWaitPs, sim.ProcessedEvents, sim.DispatchHash);
    }
}
