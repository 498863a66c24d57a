using System.Globalization;
using System.Text;

namespace Engram.Workloads.Traces;

/// <summary>
/// Value Change Dump (IEEE 1364 §18) for GTKWave: a scope per component path segment, a 1-bit
/// <c>busy</c> wire and a real <c>energy_pj</c> (cumulative) per component, timescale 1 ps.
/// Overlapping slices of one component keep it busy until the last one ends.
/// </summary>
public static class VcdWriter
{
    public static void Write(TextWriter writer, string chipName, IReadOnlyList<TraceSlice> slices, long endPs)
    {
        var c = CultureInfo.InvariantCulture;
        var components = slices.Select(s => s.ComponentPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var busyId = new Dictionary<string, string>(StringComparer.Ordinal);
        var energyId = new Dictionary<string, string>(StringComparer.Ordinal);
        int next = 0;
        foreach (var component in components)
        {
            busyId[component] = Identifier(next++);
            energyId[component] = Identifier(next++);
        }

        writer.Write("$date engram $end\n$version engram $end\n$timescale 1 ps $end\n");
        writer.Write(string.Create(c, $"$scope module {Sanitize(chipName)} $end\n"));
        var open = new List<string>();
        foreach (var component in components)
        {
            var parts = component.Split('/', StringSplitOptions.RemoveEmptyEntries);
            int common = 0;
            while (common < open.Count && common < parts.Length && open[common] == parts[common])
            {
                common++;
            }

            for (int i = open.Count; i > common; i--)
            {
                writer.Write("$upscope $end\n");
            }

            open.RemoveRange(common, open.Count - common);
            for (int i = common; i < parts.Length; i++)
            {
                writer.Write(string.Create(c, $"$scope module {Sanitize(parts[i])} $end\n"));
                open.Add(parts[i]);
            }

            writer.Write(string.Create(c, $"$var wire 1 {busyId[component]} busy $end\n"));
            writer.Write(string.Create(c, $"$var real 64 {energyId[component]} energy_pj $end\n"));
        }

        for (int i = 0; i < open.Count; i++)
        {
            writer.Write("$upscope $end\n");
        }

        writer.Write("$upscope $end\n$enddefinitions $end\n");

        // Changes: +1/-1 busy edges and energy steps at slice ends, applied in time order.
        var changes = new List<(long TimePs, int Order, string Component, int BusyDelta, double EnergyPj)>(slices.Count * 2);
        int seq = 0;
        foreach (var s in slices)
        {
            changes.Add((s.StartPs, seq++, s.ComponentPath, +1, 0));
            changes.Add((s.StartPs + s.DurationPs, seq++, s.ComponentPath, -1, s.EnergyJ * 1e12));
        }

        changes.Sort((a, b) => a.TimePs != b.TimePs ? a.TimePs.CompareTo(b.TimePs) : a.Order.CompareTo(b.Order));

        writer.Write("#0\n$dumpvars\n");
        foreach (var component in components)
        {
            writer.Write(string.Create(c, $"0{busyId[component]}\nr0 {energyId[component]}\n"));
        }

        writer.Write("$end\n");

        var busyCount = components.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var energy = components.ToDictionary(k => k, _ => 0.0, StringComparer.Ordinal);
        var shownBusy = components.ToDictionary(k => k, _ => false, StringComparer.Ordinal);
        long current = 0;
        int index = 0;
        while (index < changes.Count)
        {
            long time = changes[index].TimePs;
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            var energyTouched = new SortedSet<string>(StringComparer.Ordinal);
            while (index < changes.Count && changes[index].TimePs == time)
            {
                var ch = changes[index++];
                busyCount[ch.Component] += ch.BusyDelta;
                touched.Add(ch.Component);
                if (ch.BusyDelta < 0)
                {
                    energy[ch.Component] += ch.EnergyPj;
                    energyTouched.Add(ch.Component);
                }
            }

            var lines = new StringBuilder();
            foreach (var component in touched)
            {
                bool busy = busyCount[component] > 0;
                if (busy != shownBusy[component])
                {
                    shownBusy[component] = busy;
                    lines.Append(busy ? '1' : '0').Append(busyId[component]).Append('\n');
                }
            }

            foreach (var component in energyTouched)
            {
                lines.Append('r').Append(energy[component].ToString("R", c)).Append(' ').Append(energyId[component]).Append('\n');
            }

            if (lines.Length > 0)
            {
                if (time != current)
                {
                    writer.Write(string.Create(c, $"#{time}\n"));
                    current = time;
                }

                writer.Write(lines.ToString());
            }
        }

        if (endPs > current)
        {
            writer.Write(string.Create(c, $"#{endPs}\n"));
        }
    }

    /// <summary>Base-94 identifier over the printable ASCII range '!'..'~'.</summary>
    internal static string Identifier(int index)
    {
        var text = new StringBuilder();
        do
        {
            text.Append((char)('!' + (index % 94)));
            index /= 94;
        }
        while (index > 0);
        return text.ToString();
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (char ch in name)
        {
            text.Append(char.IsLetterOrDigit(ch) || ch == '_' ? ch : '_');
        }

        return text.Length == 0 ? "_" : text.ToString();
    }
}
