using System.Text.Json;

namespace Engram.Workloads.Tests.Traces;

/// <summary>
/// The invariants of a Chrome trace-event file that Perfetto's importer relies on (from the source of Perfetto's JSON importer):
/// every event has ph; ts finite and ≥ 0; X has dur ≥ 0; X/B/E slices nest per (pid, tid); C has non-empty
/// numeric args; every pid and tid used has an M name. Returns the problems found (empty = valid).
/// </summary>
public static class ChromeTraceChecker
{
    public static List<string> Check(string json)
    {
        var problems = new List<string>();
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("traceEvents", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return ["no traceEvents array"];
        }

        var namedPids = new HashSet<long>();
        var namedTids = new HashSet<(long, long)>();
        var usedTids = new HashSet<(long, long)>();
        var usedPids = new HashSet<long>();
        var open = new Dictionary<(long, long), Stack<(decimal Start, decimal End)>>();
        int i = 0;
        foreach (var e in events.EnumerateArray())
        {
            i++;
            if (!e.TryGetProperty("ph", out var phElement))
            {
                problems.Add($"event {i}: no ph");
                continue;
            }

            string ph = phElement.GetString()!;
            long pid = e.TryGetProperty("pid", out var p) ? p.GetInt64() : -1;
            long tid = e.TryGetProperty("tid", out var t) ? t.GetInt64() : 0;
            if (ph == "M")
            {
                string name = e.GetProperty("name").GetString()!;
                if (name == "process_name")
                {
                    namedPids.Add(pid);
                }
                else if (name == "thread_name")
                {
                    namedTids.Add((pid, tid));
                }

                continue;
            }

            if (!e.TryGetProperty("ts", out var tsElement) || !tsElement.TryGetDecimal(out decimal ts) || ts < 0)
            {
                problems.Add($"event {i}: ts missing, not finite or negative");
                continue;
            }

            usedPids.Add(pid);
            switch (ph)
            {
                case "X":
                    usedTids.Add((pid, tid));
                    decimal dur = e.GetProperty("dur").GetDecimal();
                    if (dur < 0)
                    {
                        problems.Add($"event {i}: negative dur");
                    }

                    if (!open.TryGetValue((pid, tid), out var stack))
                    {
                        stack = new Stack<(decimal, decimal)>();
                        open.Add((pid, tid), stack);
                    }

                    while (stack.Count > 0 && stack.Peek().End <= ts)
                    {
                        stack.Pop();
                    }

                    if (stack.Count > 0 && ts + dur > stack.Peek().End)
                    {
                        problems.Add($"event {i}: slice [{ts}, {ts + dur}] overlaps [{stack.Peek().Start}, {stack.Peek().End}] on pid {pid} tid {tid} without nesting");
                    }

                    stack.Push((ts, ts + dur));
                    break;
                case "C":
                    if (!e.TryGetProperty("args", out var args) || !args.EnumerateObject().Any())
                    {
                        problems.Add($"event {i}: counter without args");
                    }
                    else if (args.EnumerateObject().Any(a => a.Value.ValueKind != JsonValueKind.Number))
                    {
                        problems.Add($"event {i}: counter with a non-numeric value");
                    }

                    break;
                case "B" or "E" or "i" or "I":
                    usedTids.Add((pid, tid));
                    break;
                default:
                    problems.Add($"event {i}: unexpected phase {ph}");
                    break;
            }
        }

        problems.AddRange(usedPids.Where(pid => !namedPids.Contains(pid)).Select(pid => $"pid {pid} has no process_name"));
        problems.AddRange(usedTids.Where(k => !namedTids.Contains(k)).Select(k => $"pid {k.Item1} tid {k.Item2} has no thread_name"));
        return problems;
    }
}
