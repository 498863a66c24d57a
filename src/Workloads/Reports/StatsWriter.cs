using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Engram.Workloads.Reports;

/// <summary>
/// gem5-style <c>stats.txt</c> (one <c>name value # description (Unit)</c> per line between begin/end
/// markers) and the same numbers as <c>stats.json</c>, so nobody has to scrape text (gem5's stats.txt format).
/// Numbers are written with round-trip precision so equal runs give equal bytes.
/// </summary>
public static class StatsWriter
{
    public static string Text(IReadOnlyList<Stat> stats)
    {
        var c = CultureInfo.InvariantCulture;
        int width = stats.Count == 0 ? 0 : stats.Max(s => s.Name.Length);
        var text = new StringBuilder();
        text.Append("---------- Begin Simulation Statistics ----------\n");
        foreach (var s in stats)
        {
            text.Append(s.Name.PadRight(width + 2)).Append(Format(s.Value).PadLeft(24)).Append(string.Create(c, $"  # {s.Description} ({s.Unit})\n"));
        }

        text.Append("---------- End Simulation Statistics   ----------\n");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<Stat> stats)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("stats");
            foreach (var s in stats)
            {
                json.WriteStartObject();
                json.WriteString("name", s.Name);
                json.WriteNumber("value", s.Value);
                json.WriteString("unit", s.Unit);
                json.WriteString("description", s.Description);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
