using System.Text.Json;

namespace Engram.Workloads.Traces;

/// <summary>
/// Chrome trace-event JSON (opens in ui.perfetto.dev): one process per chip, one thread track per
/// component (plus overflow lanes where its slices overlap, since slices on a track must nest), a complete
/// ("X") event per slice, and a cumulative-energy counter per component. Times are µs written as exact
/// decimals of the picosecond ticks. Streams with Utf8JsonWriter; never builds a DOM.
/// </summary>
public static class ChromeTraceWriter
{
    private const int Pid = 1;

    public static void Write(Stream stream, string chipName, IReadOnlyList<TraceSlice> slices, long endPs)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteStartArray("traceEvents");

        Metadata(json, "process_name", 0, chipName);

        // Lanes: the first free lane of the component whose last slice ended by this slice's start.
        var laneEnds = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var tids = new Dictionary<(string, int), int>();
        var energyPj = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            if (!laneEnds.TryGetValue(slice.ComponentPath, out var ends))
            {
                ends = [];
                laneEnds.Add(slice.ComponentPath, ends);
            }

            int lane = ends.FindIndex(end => end <= slice.StartPs);
            if (lane < 0)
            {
                lane = ends.Count;
                ends.Add(0);
            }

            ends[lane] = slice.StartPs + slice.DurationPs;
            if (!tids.TryGetValue((slice.ComponentPath, lane), out int tid))
            {
                tid = tids.Count + 1;
                tids.Add((slice.ComponentPath, lane), tid);
                Metadata(json, "thread_name", tid, lane == 0 ? slice.ComponentPath : $"{slice.ComponentPath} [{lane}]");
                Metadata(json, "thread_sort_index", tid, null, tid);
            }

            json.WriteStartObject();
            json.WriteString("name", slice.Action);
            json.WriteString("cat", "action");
            json.WriteString("ph", "X");
            json.WriteNumber("ts", Microseconds(slice.StartPs));
            json.WriteNumber("dur", Microseconds(slice.DurationPs));
            json.WriteNumber("pid", Pid);
            json.WriteNumber("tid", tid);
            json.WriteStartObject("args");
            json.WriteNumber("energy_j", slice.EnergyJ);
            json.WriteNumber("count", slice.Count);
            json.WriteNumber("start_ps", slice.StartPs);
            json.WriteEndObject();
            json.WriteEndObject();

            energyPj[slice.ComponentPath] = energyPj.GetValueOrDefault(slice.ComponentPath) + (slice.EnergyJ * 1e12);
            json.WriteStartObject();
            json.WriteString("name", "energy_pj");
            json.WriteString("ph", "C");
            json.WriteNumber("ts", Microseconds(slice.StartPs + slice.DurationPs));
            json.WriteNumber("pid", Pid);
            json.WriteStartObject("args");
            json.WriteNumber(slice.ComponentPath, energyPj[slice.ComponentPath]);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("metadata");
        json.WriteString("timebase", "real time: ts in microseconds = simulated picoseconds / 1e6");
        json.WriteNumber("end_ps", endPs);
        json.WriteString("generator", "engram");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static decimal Microseconds(long ps) => ps / 1_000_000m;

    private static void Metadata(Utf8JsonWriter json, string name, int tid, string? value, int? sortIndex = null)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", Pid);
        json.WriteNumber("tid", tid);
        json.WriteStartObject("args");
        if (sortIndex is int index)
        {
            json.WriteNumber("sort_index", index);
        }
        else
        {
            json.WriteString("name", value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
