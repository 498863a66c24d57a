using Engram.Workloads.Examples;

namespace Engram.Workloads.Tests;

public class AdcSharingExampleTests
{
    [Theory]
    [InlineData(64, 8, 1_000, 1_000)]
    [InlineData(64, 1, 500, 1_000)]
    [InlineData(100, 7, 0, 3_000)]
    [InlineData(5, 5, 2_000, 9_000)]
    public void Latency_is_the_read_pulse_plus_rounds_of_conversions(int columns, int adcs, long readPs, long convPs)
    {
        var result = AdcSharingExample.Run(new AdcSharingConfig(columns, adcs, readPs, convPs, 1));
        long rounds = (columns + adcs - 1) / adcs;
        Assert.Equal(readPs + (rounds * convPs), result.LatencyPs);
        Assert.Equal(columns, result.Conversions);
        Assert.Equal((double)columns / (rounds * adcs), result.AdcUtilization, 12);

        // Column k waits floor(k / adcs) rounds: the mean of that over all columns.
        double meanRounds = Enumerable.Range(0, columns).Average(k => k / adcs);
        Assert.Equal(meanRounds * convPs, result.MeanQueueWaitPs, 9);
    }

    [Fact]
    public void Same_config_gives_the_same_dispatch_hash()
    {
        var config = AdcSharingConfig.Default;
        Assert.Equal(AdcSharingExample.Run(config).DispatchHash, AdcSharingExample.Run(config).DispatchHash);
        Assert.NotEqual(
            AdcSharingExample.Run(config).DispatchHash,
            AdcSharingExample.Run(config with { Adcs = 4 }).DispatchHash);
    }

    [Fact]
    public void Bad_configs_are_rejected_with_the_value_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => AdcSharingExample.Run(AdcSharingConfig.Default with { Adcs = 0 }));
        Assert.Contains("adcs", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AdcSharingExample.Run(AdcSharingConfig.Default with { Columns = 0 }));
        Assert.Throws<ArgumentException>(() => AdcSharingExample.Run(AdcSharingConfig.Default with { ConversionPs = 0 }));
    }
}
