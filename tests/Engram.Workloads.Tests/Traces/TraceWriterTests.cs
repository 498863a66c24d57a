using System.Text;
using Engram.Components.Ledger;
using Engram.Workloads.Traces;

namespace Engram.Workloads.Tests.Traces;

public class TraceWriterTests
{
    /// <summary>A small fixed run: a crossbar read with row drive nested in it, two ADCs converting in turn, and an overlap on one component.</summary>
    internal static EnergyLedger SmallLedger()
    {
        var ledger = new EnergyLedger(keepEntries: true);
        int xbar = ledger.Component("tile0/xbar0");
        int adc0 = ledger.Component("tile0/adc0");
        int adc1 = ledger.Component("tile0/adc1");
        int ctrl = ledger.Component("controller");
        int read = ledger.Action("read"), drive = ledger.Action("drive_row"), convert = ledger.Action("convert"), issue = ledger.Action("issue");
        ledger.Charge(ctrl, issue, 1, 0.5e-15, 0, 500);
        ledger.Charge(xbar, read, 1, 10e-15, 500, 1_000);
        ledger.Charge(xbar, drive, 64, 326e-15, 500, 1_000);
        ledger.Charge(adc0, convert, 1, 42e-15, 1_500, 6_000);
        ledger.Charge(adc1, convert, 1, 42e-15, 1_500, 6_000);
        ledger.Charge(adc0, convert, 1, 42e-15, 7_500, 6_000);
        ledger.Charge(ctrl, issue, 1, 0.5e-15, 13_000, 1_000);
        ledger.Charge(ctrl, issue, 1, 0.5e-15, 13_500, 1_000);
        return ledger;
    }

    internal static (string Json, string Vcd) Write(EnergyLedger ledger, long endPs)
    {
        var slices = TraceSlices.FromLedger(ledger);
        using var stream = new MemoryStream();
        ChromeTraceWriter.Write(stream, "hnn64", slices, endPs);
        var vcd = new StringWriter { NewLine = "\n" };
        VcdWriter.Write(vcd, "hnn64", slices, endPs);
        return (Encoding.UTF8.GetString(stream.ToArray()), vcd.ToString());
    }

    [Fact]
    public void Chrome_trace_is_valid_and_overlaps_go_to_overflow_lanes()
    {
        var (json, _) = Write(SmallLedger(), 20_000);
        Assert.Empty(ChromeTraceChecker.Check(json));
        Assert.Contains("controller [1]", json, StringComparison.Ordinal);
        Assert.Contains("\"ts\":0.0005", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Vcd_is_strictly_valid_and_busy_follows_the_slices()
    {
        var (_, vcd) = Write(SmallLedger(), 20_000);
        var (problems, changes) = VcdChecker.Check(vcd);
        Assert.Empty(problems);
        var controllerBusy = changes.Where(c => c.Reference == "hnn64.controller.busy").Select(c => (c.TimePs, c.Value)).ToList();
        // 0–500 busy, 13000–14500 busy (two overlapping issues merge into one busy interval).
        Assert.Equal([(0L, "0"), (0L, "1"), (500L, "0"), (13_000L, "1"), (14_500L, "0")], controllerBusy);
        var adcEnergy = changes.Last(c => c.Reference == "hnn64.tile0.adc0.energy_pj");
        Assert.Equal(0.084, double.Parse(adcEnergy.Value.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void The_same_ledger_writes_byte_identical_traces()
    {
        Assert.Equal(Write(SmallLedger(), 20_000), Write(SmallLedger(), 20_000));
    }

    [Fact]
    public void Small_traces_match_the_golden_files_in_traces()
    {
        var (json, vcd) = Write(SmallLedger(), 20_000);
        string golden = Path.Combine(RepoPaths.Traces, "golden");
        if (Environment.GetEnvironmentVariable("ENGRAM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(golden, "small.trace.json"), json);
            File.WriteAllText(Path.Combine(golden, "small.trace.vcd"), vcd);
            Assert.Fail("golden files rewritten; review the diff and rerun without ENGRAM_UPDATE_GOLDEN");
        }

        Assert.Equal(File.ReadAllText(Path.Combine(golden, "small.trace.json")), json);
        Assert.Equal(File.ReadAllText(Path.Combine(golden, "small.trace.vcd")), vcd);
    }

    [Fact]
    public void The_checkers_catch_broken_files()
    {
        Assert.NotEmpty(ChromeTraceChecker.Check("""{"traceEvents":[{"name":"a","ph":"X","ts":0,"dur":5,"pid":1,"tid":1},{"name":"b","ph":"X","ts":3,"dur":5,"pid":1,"tid":1}]}"""));
        Assert.NotEmpty(ChromeTraceChecker.Check("""{"traceEvents":[{"name":"c","ph":"C","ts":0,"pid":1,"args":{}}]}"""));
        Assert.NotEmpty(ChromeTraceChecker.Check("""{"traceEvents":[{"name":"a","ts":0}]}"""));
        const string header = "$timescale 1 ps $end\n$scope module m $end\n$var wire 1 ! busy $end\n$upscope $end\n$enddefinitions $end\n";
        Assert.Empty(VcdChecker.Check(header + "#0\n0!\n#5\n1!\n").Problems);
        Assert.NotEmpty(VcdChecker.Check(header + "#5\n0!\n#3\n1!\n").Problems);
        Assert.NotEmpty(VcdChecker.Check(header + "#0\n0\"\n").Problems);
        Assert.NotEmpty(VcdChecker.Check(header + "#0\n2!\n").Problems);
        Assert.NotEmpty(VcdChecker.Check("$scope module m $end\n$var wire 1 ! busy $end\n#0\n0!\n").Problems);
    }

}
