using Engram.Sim.Core;
using Engram.Sim.Tracing;

namespace Engram.Sim.Tests;

public class TraceTests
{
    private sealed class Recorder : ISimTraceSink
    {
        public List<string> Records { get; } = [];

        public void OnSchedule(long tick, long sequence, SimTraceKind kind, long id) => Records.Add($"S {tick} {sequence} {kind} {id}");

        public void OnDispatch(long tick, long sequence, SimTraceKind kind, long id) => Records.Add($"D {tick} {sequence} {kind} {id}");

        public void OnResume(long tick, long processId) => Records.Add($"R {tick} {processId}");
    }

    [Fact]
    public void The_sink_sees_schedule_dispatch_and_resume_in_order()
    {
        var sim = new Simulation();
        var sink = new Recorder();
        sim.TraceSink = sink;
        IEnumerable<Wait> Body()
        {
            yield return sim.Timeout(5);
        }

        var p = sim.Process(Body());
        sim.Run();
        Assert.Equal(
        [
            $"S 0 0 ProcessResume {p.Id}",
            $"D 0 0 ProcessResume {p.Id}",
            $"R 0 {p.Id}",
            $"S 5 1 ProcessResume {p.Id}",
            $"D 5 1 ProcessResume {p.Id}",
            $"R 5 {p.Id}",
            $"S 5 2 ProcessEnd {p.Id}",
            $"D 5 2 ProcessEnd {p.Id}",
        ],
        sink.Records);
    }

    [Fact]
    public void The_dispatch_hash_does_not_depend_on_tracing()
    {
        static ulong Run(bool traced)
        {
            var sim = new Simulation();
            if (traced)
            {
                sim.TraceSink = new Recorder();
            }

            IEnumerable<Wait> Body(int d)
            {
                for (int i = 0; i < 10; i++)
                {
                    yield return sim.Timeout(d);
                }
            }

            sim.Process(Body(3));
            sim.Process(Body(4));
            sim.Run();
            return sim.DispatchHash;
        }

        Assert.Equal(Run(false), Run(true));
    }

    [Fact]
    public void Component_trace_categories_filter_by_bit()
    {
        var filter = new Simulation().ComponentTrace;
        var adc = filter.Category("adc");
        var crossbar = filter.Category("crossbar");
        Assert.Equal(adc, filter.Category("adc"));
        Assert.False(filter.IsEnabled(adc));
        filter.Enable(["adc"]);
        Assert.True(filter.IsEnabled(adc));
        Assert.False(filter.IsEnabled(crossbar));
        filter.EnableAll();
        Assert.True(filter.IsEnabled(crossbar));
        filter.Disable(adc);
        Assert.False(filter.IsEnabled(adc));
    }
}
