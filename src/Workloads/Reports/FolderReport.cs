using System.Globalization;
using System.Text.Json;
using Engram.Workloads.Capacity;
using Engram.Workloads.Sweeps;

namespace Engram.Workloads.Reports;

/// <summary>
/// Builds <c>report.html</c> for an output folder from the files in it, whatever wrote them: a merged (or running)
/// sweep (<c>sweep.json</c>), <c>engram compare --out</c> (<c>compare.json</c>), <c>engram run</c>
/// (<c>stats.json</c> and <c>breakdown.csv</c>), <c>engram scaling --out</c> (<c>scaling.csv</c>) or <c>engram capacity --out</c>
/// (<c>capacity-curve.csv</c>).
/// </summary>
public static class FolderReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Throws <see cref="InvalidDataException"/> when the folder holds none of the outputs above.</summary>
    public static HtmlReport Build(string folder)
    {
        if (File.Exists(Path.Combine(folder, SweepManifest.FileName)))
        {
            return Sweep(SweepMerge.Read(folder));
        }

        if (File.Exists(Path.Combine(folder, CompareFiles.JsonFileName)))
        {
            return Compare(folder);
        }

        if (File.Exists(Path.Combine(folder, "stats.json")) && File.Exists(Path.Combine(folder, "breakdown.csv")))
        {
            return Run(folder);
        }

        if (File.Exists(Path.Combine(folder, CapacityCsv.ScalingFileName)))
        {
            return ScalingReport(folder);
        }

        if (File.Exists(Path.Combine(folder, CapacityCsv.CurveFileName)))
        {
            return CapacityReport(folder);
        }

        throw new InvalidDataException($"{folder}: no sweep.json, compare.json, stats.json + breakdown.csv, {CapacityCsv.ScalingFileName} or {CapacityCsv.CurveFileName}: not an engram output folder");
    }

    /// <summary>Writes <c>report.html</c> into the folder (atomically) and returns its path.</summary>
    public static string Write(string folder)
    {
        string path = Path.Combine(folder, HtmlReport.FileName);
        AtomicFile.WriteAllText(path, Build(folder).Render());
        return path;
    }

    private static HtmlReport Run(string folder)
    {
        var report = new HtmlReport("engram run", "From stats.json and breakdown.csv in this folder.");
        var csv = CsvRows.Read(Path.Combine(folder, "breakdown.csv"));
        int component = csv.Column("component"), energy = csv.Column("energy_j"), area = csv.Column("area_um2");
        var rows = csv.Rows.Where(r => r[component] != "total").ToList();
        var energyBars = Breakdown(rows.Select(r => (r[component], Number(r[energy]) * 1e12)));
        report.Add(new ReportFigure("fig-energy-breakdown", "Energy by block and component",
            "Energy of the whole run (all recalls) in pJ per block (the component path without its last part), stacked by component kind (its last part); " +
            "summed from breakdown.csv, which the energy ledger writes from every charged action.",
            SvgPlot.StackedBars("fig-energy-breakdown", "Energy by block (pJ)", energyBars.Categories, energyBars.Series, "energy (pJ)")));
        var areaRows = rows.Where(r => r[area].Length > 0).Select(r => (r[component], Number(r[area]))).GroupBy(r => r.Item1).Select(g => g.First());
        var areaBars = Breakdown(areaRows);
        report.Add(new ReportFigure("fig-area-breakdown", "Area by block and component",
            "Area in um2 per block, stacked by component kind, from breakdown.csv (the chip layout's area of each component, from its description).",
            SvgPlot.StackedBars("fig-area-breakdown", "Area by block (um2)", areaBars.Categories, areaBars.Series, "area (um2)")));
        using var stats = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "stats.json")));
        var statRows = stats.RootElement.GetProperty("stats").EnumerateArray()
            .Select(s => (IReadOnlyList<string>)[s.GetProperty("name").GetString() ?? "", Json(s.GetProperty("value")), s.GetProperty("unit").GetString() ?? "", s.GetProperty("description").GetString() ?? ""])
            .ToList();
        report.Add(new ReportTable("Statistics", ["name", "value", "unit", "description"], statRows));
        return report;
    }

    private static HtmlReport Compare(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, CompareFiles.JsonFileName)));
        var root = doc.RootElement;
        string chip = root.GetProperty("chip").GetString() ?? "";
        int n = root.GetProperty("n").GetInt32();
        var report = new HtmlReport($"engram compare: {chip}", string.Create(C, $"N = {n}, {root.GetProperty("recalls").GetInt32()} recalls per schedule, rule {root.GetProperty("rule").GetString()}, cue flip {root.GetProperty("cue_flip").GetDouble():G3}, seed {root.GetProperty("seed").GetUInt64()}"));
        string[] schedules = ["sync", "async"];
        var kinds = schedules.SelectMany(s => root.GetProperty(s).GetProperty("energy_by_kind_j").EnumerateObject().Select(p => p.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = kinds.Select(k => (k, schedules.Select(s => root.GetProperty(s).GetProperty("energy_by_kind_j").TryGetProperty(k, out var v) ? v.GetDouble() * 1e12 : 0).ToArray())).ToList();
        report.Add(new ReportFigure("fig-energy-breakdown", "Energy per recall by component kind, each schedule",
            "Mean energy of one recall in pJ, stacked by component kind, for synchronous and asynchronous recall of the same cues on the same programmed chip " +
            "(ScheduleComparison: the ledger split between the two phases, divided by the recalls).",
            SvgPlot.StackedBars("fig-energy-breakdown", "Energy per recall (pJ)", schedules, series, "energy per recall (pJ)")));
        report.Add(new ReportFigure("fig-latency", "Latency per recall, each schedule",
            "Mean simulated latency of one recall in ns (cycles times the clock period, from the event-driven simulation).",
            SvgPlot.StackedBars("fig-latency", "Latency per recall (ns)", schedules, [("latency", schedules.Select(s => root.GetProperty(s).GetProperty("latency_ps").GetDouble() / 1e3).ToArray())], "latency per recall (ns)")));
        report.Add(new ReportTable("Figures per recall", ["schedule", "energy (pJ)", "latency (ns)", "iterations", "exact recall"],
            [.. schedules.Select(s => (IReadOnlyList<string>)[s, G(root.GetProperty(s).GetProperty("energy_j").GetDouble() * 1e12), G(root.GetProperty(s).GetProperty("latency_ps").GetDouble() / 1e3),
                G(root.GetProperty(s).GetProperty("iterations").GetDouble()), G(root.GetProperty(s).GetProperty("exact").GetDouble())])],
            string.Create(C, $"E_async / E_sync = {root.GetProperty("energy_ratio").GetDouble():F2}; 1 - T_sync / T_async = {root.GetProperty("latency_reduction").GetDouble():P2}.")));
        return report;
    }

    private static HtmlReport CapacityReport(string folder)
    {
        var curve = CsvRows.Read(Path.Combine(folder, CapacityCsv.CurveFileName));
        int rule = curve.Column("rule"), n = curve.Column("n"), fault = curve.Column("fault_rate"), p = curve.Column("patterns"), sim = curve.Column("similarity"), exact = curve.Column("exact");
        var first = curve.Rows[0];
        var report = new HtmlReport($"engram capacity: {first[rule]}, N = {first[n]}", $"From {CapacityCsv.CurveFileName} in this folder.");
        var byFault = curve.Rows.GroupBy(r => r[fault]).ToList();
        report.Add(new ReportFigure("fig-capacity-similarity", "Recall similarity against stored patterns",
            "Mean cosine similarity between recalled and stored patterns over the cue trials, against the number of stored patterns P, one line per stuck-fault rate " +
            "(the capacity protocol; capacity at tau is the largest P whose similarity stays at or above tau).",
            SvgPlot.Lines("fig-capacity-similarity", "Similarity against P", [.. byFault.Select(g => new PlotSeries($"fault rate {g.Key}", [.. g.Select(r => (Number(r[p]), Number(r[sim])))]))],
                "stored patterns P (patterns)", "mean similarity (cosine, 1 = exact)")));
        report.Add(new ReportFigure("fig-capacity-exact", "Exact recall against stored patterns",
            "Fraction of trials whose recalled sign pattern equals the stored one exactly, against P, one line per stuck-fault rate.",
            SvgPlot.Lines("fig-capacity-exact", "Exact recall against P", [.. byFault.Select(g => new PlotSeries($"fault rate {g.Key}", [.. g.Select(r => (Number(r[p]), Number(r[exact])))]))],
                "stored patterns P (patterns)", "exact recall (fraction of trials)")));
        string summary = Path.Combine(folder, CapacityCsv.SummaryFileName);
        if (File.Exists(summary))
        {
            var table = CsvRows.Read(summary);
            report.Add(new ReportTable("Capacity", table.Header, table.Rows));
        }

        return report;
    }

    private static HtmlReport ScalingReport(string folder)
    {
        var scaling = CsvRows.Read(Path.Combine(folder, CapacityCsv.ScalingFileName));
        int rule = scaling.Column("rule"), n = scaling.Column("n"), tau = scaling.Column("tau"), capacity = scaling.Column("capacity");
        var points = scaling.Rows.Select(r => (N: Number(r[n]), C: Number(r[capacity]))).ToList();

        // A capacity clipped at its grid's end is a lower bound and stays out of the fit (as in engram scaling).
        int clippedColumn = scaling.Header.ToList().IndexOf("clipped");
        var fitted = scaling.Rows.Where(r => clippedColumn < 0 || r[clippedColumn] != "1").Select(r => (N: Number(r[n]), C: Number(r[capacity]))).ToList();
        var report = new HtmlReport($"engram scaling: {scaling.Rows[0][rule]}", $"Capacity at tau = {scaling.Rows[0][tau]} against N, from {CapacityCsv.ScalingFileName} in this folder.");
        var series = new List<PlotSeries> { new("measured", [.. points.Select(p => (p.N, p.C))]) };
        string fitNote;
        try
        {
            var fit = Models.Metrics.PowerLawFit.Fit([.. fitted.Select(p => p.N)], [.. fitted.Select(p => p.C)]);
            series.Add(new PlotSeries(string.Create(C, $"fit {fit.Prefactor:G3} N^{fit.Exponent:F3}"), [.. fitted.Select(p => (p.N, fit.Predict(p.N)))]));
            string left = fitted.Count < points.Count ? $"; {points.Count - fitted.Count} size(s) clipped at the grid's end left out" : "";
            string ci = fit.HasInterval ? string.Create(C, $", 95 % interval on the exponent [{fit.Ci95Low:F3}, {fit.Ci95High:F3}]") : "";
            fitNote = string.Create(C, $"The line is the least-squares power law in log-log space, capacity = {fit.Prefactor:G3} N^{fit.Exponent:F3} ({fit.Points} sizes{left}{ci}).");
        }
        catch (ArgumentException ex)
        {
            fitNote = $"No power law could be fitted: {ex.Message}.";
        }

        bool log = points.All(p => p.N > 0 && p.C > 0);
        report.Add(new ReportFigure("fig-scaling", "Capacity against N",
            $"Capacity (largest number of stored patterns recalled with mean similarity at or above tau = {scaling.Rows[0][tau]}) against the network size N, " +
            $"from the capacity protocol run at each N{(log ? ", both axes logarithmic" : "")}. {fitNote}",
            SvgPlot.Lines("fig-scaling", "Capacity against N", series, "neurons N (count)", "capacity (patterns)", logX: log, logY: log)));
        string curves = Path.Combine(folder, CapacityCsv.ScalingCurveFileName);
        if (File.Exists(curves))
        {
            var curve = CsvRows.Read(curves);
            int cn = curve.Column("n"), p = curve.Column("patterns"), sim = curve.Column("similarity");
            report.Add(new ReportFigure("fig-scaling-curves", "Recall similarity against stored patterns, each N",
                "Mean cosine similarity of recall against the number of stored patterns P, one line per network size N (the curves the capacities above are read from).",
                SvgPlot.Lines("fig-scaling-curves", "Similarity against P", [.. curve.Rows.GroupBy(r => r[cn]).Select(g => new PlotSeries($"N = {g.Key}", [.. g.Select(r => (Number(r[p]), Number(r[sim])))]))],
                    "stored patterns P (patterns)", "mean similarity (cosine, 1 = exact)")));
        }

        report.Add(new ReportTable("Capacity", scaling.Header, scaling.Rows));
        return report;
    }

    private static HtmlReport Sweep(SweepTable table)
    {
        var m = table.Manifest;
        var report = new HtmlReport($"engram sweep: {m.Name}",
            $"{m.File} on {m.Chip}: {m.Axes.Count} axes ({string.Join(" x ", m.Axes)}, {m.Combine}), {m.Points.Count} points, workload {m.Options}");
        if (table.Missing.Count > 0)
        {
            report.Note($"{table.Missing.Count} of {m.Points.Count} points are not finished yet: {string.Join("; ", table.Missing.Take(20).Select(table.Describe))}{(table.Missing.Count > 20 ? "; ..." : "")}.");
        }

        var designs = ParetoFront.Designs(table);
        if (designs.Count > 0)
        {
            var front = ParetoFront.Of(designs);
            bool hasArea = designs.All(d => double.IsFinite(d.AreaUm2));
            var series = designs.GroupBy(d => d.Label).Select(g => new PlotSeries(g.Key,
                [.. g.Select(d => (d.LatencyPs / 1e3, d.EnergyJ * 1e12))], hasArea ? [.. g.Select(d => d.AreaUm2 / 1e6)] : null)).ToList();
            bool grouped = designs.Any(d => d.Group.Length > 0);
            report.Add(new ReportFigure("fig-pareto", "Pareto front: energy against latency",
                "Every design of the sweep (each point under each schedule; markers by schedule) at its mean energy and latency per recall, both axes logarithmic" +
                (hasArea ? ", coloured by chip area in mm2" : "") + ". Ringed designs are non-dominated: no other design" + (grouped ? " of the same N" : "") +
                " has lower or equal energy, latency" + (hasArea ? " and area" : "") + " and is better in one. They are listed below.",
                SvgPlot.Scatter("fig-pareto", "Energy against latency per recall", series, "latency per recall (ns)", "energy per recall (pJ)", logX: true, logY: true,
                    hasArea ? "area (mm2)" : null, rings: new PlotSeries("front", [.. front.Select(d => (d.LatencyPs / 1e3, d.EnergyJ * 1e12))]))));
            var byIndex = m.Points.ToDictionary(p => p.Index);
            report.Add(new ReportTable("Non-dominated designs", ["point", "schedule", .. m.Axes, "energy (pJ)", "latency (ns)", "area (um2)"],
                [.. front.Select(d => (IReadOnlyList<string>)[d.Point.ToString(C), d.Label, .. byIndex[d.Point].Values, G(d.EnergyJ * 1e12), G(d.LatencyPs / 1e3), G(d.AreaUm2)])],
                $"{front.Count} of {designs.Count} designs are non-dominated{(grouped ? " within their N" : "")} (objectives: energy and latency per recall{(hasArea ? ", area" : "")})."));

            int nAxis = m.Axes.ToList().IndexOf(ChipPatch.NeuronsPath);
            if (nAxis >= 0)
            {
                var byN = designs.GroupBy(d => d.Label).ToList();
                double N(Design d) => Number(byIndex[d.Point].Values[nAxis]);
                report.Add(new ReportFigure("fig-energy-n", "Energy of each schedule against N",
                    "Mean energy per recall in pJ against the network size N (the sweep's network.neurons axis), one marker per point and schedule; the spread at one N is the other axes. Both axes logarithmic.",
                    SvgPlot.Scatter("fig-energy-n", "Energy per recall against N", [.. byN.Select(g => new PlotSeries(g.Key, [.. g.Select(d => (N(d), d.EnergyJ * 1e12))]))],
                        "neurons N (count)", "energy per recall (pJ)", logX: true, logY: true)));
                report.Add(new ReportFigure("fig-latency-n", "Latency of each schedule against N",
                    "Mean latency per recall in ns against N, one marker per point and schedule. Both axes logarithmic.",
                    SvgPlot.Scatter("fig-latency-n", "Latency per recall against N", [.. byN.Select(g => new PlotSeries(g.Key, [.. g.Select(d => (N(d), d.LatencyPs / 1e3))]))],
                        "neurons N (count)", "latency per recall (ns)", logX: true, logY: true)));
            }
        }
        else
        {
            int numeric = Enumerable.Range(0, m.Axes.Count).FirstOrDefault(table.IsNumericAxis, -1);
            if (numeric >= 0)
            {
                // One figure per metric: metrics have different units and scales.
                foreach (var metric in m.Metrics.Where(x => x.Name != "area_um2"))
                {
                    string id = $"fig-{metric.Name.Replace('_', '-')}";
                    string unit = metric.Unit.Length > 0 ? metric.Unit : "number";
                    report.Add(new ReportFigure(id, $"{metric.Name} against {m.Axes[numeric]}",
                        $"The recorded metric {metric.Name} ({unit}) against the sweep's first numeric axis ({m.Axes[numeric]}), one marker per point. This sweep records no energy and latency per recall, so it has no Pareto front.",
                        SvgPlot.Scatter(id, $"{metric.Name} against {m.Axes[numeric]}",
                            [new PlotSeries(metric.Name, [.. table.Rows.Select(r => (Number(r.Axes[m.Axes[numeric]]), r.Metrics[metric.Name]))])],
                            m.Axes[numeric], $"{metric.Name} ({unit})", logX: false, logY: false)));
                }
            }
            else
            {
                report.Note("This sweep records no energy and latency (no Pareto front) and has no numeric axis to plot against.");
            }
        }

        report.Add(new ReportTable("All points", ["point", .. m.Axes, .. m.Metrics.Select(x => x.Unit.Length > 0 ? $"{x.Name} ({x.Unit})" : x.Name)],
            [.. table.Rows.Select(r => (IReadOnlyList<string>)[r.Index.ToString(C), .. m.Axes.Select(a => r.Axes[a]), .. m.Metrics.Select(x => G(r.Metrics[x.Name]))])],
            "Values as merged into sweep.csv (which keeps full precision)."));
        return report;
    }

    // Component paths "L0/b0.0/adcs" → block "L0/b0.0", kind "adcs"; a path without '/' is its own block and kind.
    private static (List<string> Categories, List<(string Name, double[] Values)> Series) Breakdown(IEnumerable<(string Component, double Value)> rows)
    {
        var parts = rows.Select(r =>
        {
            int slash = r.Component.LastIndexOf('/');
            return (Block: slash < 0 ? r.Component : r.Component[..slash], Kind: slash < 0 ? r.Component : r.Component[(slash + 1)..], r.Value);
        }).ToList();
        var blocks = parts.Select(p => p.Block).Distinct().Order(StringComparer.Ordinal).ToList();
        var kinds = parts.Select(p => p.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        var series = kinds.Select(k => (k, blocks.Select(b => parts.Where(p => p.Block == b && p.Kind == k).Sum(p => p.Value)).ToArray())).ToList();
        return (blocks, series);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, C);

    private static string G(double value) => value.ToString("G4", C);

    private static string Json(JsonElement value) => value.ValueKind == JsonValueKind.Number ? G(value.GetDouble()) : value.ToString();
}
