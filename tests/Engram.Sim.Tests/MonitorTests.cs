using Engram.Sim.Core;
using Engram.Sim.Monitoring;

namespace Engram.Sim.Tests;

public class MonitorTests
{
    [Fact]
    public void Sample_monitor_matches_closed_form_statistics()
    {
        var m = new SampleMonitor("latency", keepSamples: true);
        foreach (double x in new double[] { 2, 4, 4, 4, 5, 5, 7, 9 })
        {
            m.Add(x);
        }

        Assert.Equal(8, m.Count);
        Assert.Equal(5.0, m.Mean, 12);
        Assert.Equal(32.0 / 7.0, m.Variance, 12);
        Assert.Equal(2, m.Min);
        Assert.Equal(9, m.Max);
        Assert.Equal(4, m.Percentile(50));
        Assert.Equal(9, m.Percentile(100));
        Assert.True(double.IsNaN(new SampleMonitor("empty").Mean));
    }

    [Fact]
    public void Time_weighted_monitor_integrates_levels_over_whole_ticks()
    {
        var sim = new Simulation();
        var busy = new TimeWeightedMonitor(sim, "adcs busy");
        IEnumerable<Wait> Body()
        {
            yield return sim.Timeout(10);
            busy.Update(2);
            yield return sim.Timeout(30);
            busy.Update(1);
            yield return sim.Timeout(60);
            busy.Update(0);
        }

        sim.Process(Body());
        sim.Run(200);
        Assert.Equal((2 * 30) + (1 * 60), busy.Integral);
        Assert.Equal(120.0 / 200.0, busy.Mean, 12);
        Assert.Equal(2, busy.Max);
    }

    [Fact]
    public void Kernel_counters_count_dispatches_by_kind_and_the_queue_high_water_mark()
    {
        var sim = new Simulation();
        IEnumerable<Wait> Body()
        {
            yield return sim.Timeout(1);
            yield return sim.Timeout(1);
        }

        for (int i = 0; i < 5; i++)
        {
            sim.Process(Body());
        }

        sim.Run();
        Assert.Equal(15, sim.DispatchedCount(Tracing.SimTraceKind.ProcessResume));
        Assert.Equal(5, sim.DispatchedCount(Tracing.SimTraceKind.ProcessEnd));
        Assert.Equal(20, sim.ProcessedEvents);
        Assert.Equal(5, sim.QueueHighWater);
    }
}
