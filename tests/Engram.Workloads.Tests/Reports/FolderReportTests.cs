using System.Text.RegularExpressions;
using System.Xml.Linq;
using Engram.Workloads.Reports;
using Engram.Workloads.Sweeps;
using Engram.Workloads.Tests.Sweeps;

namespace Engram.Workloads.Tests.Reports;

public class FolderReportTests
{
    [Fact]
    public void A_compare_sweep_report_has_the_pareto_front_and_well_formed_svg()
    {
        using var dir = new TempDir();
        var sweep = SweepFixtures.Small(dir);
        string outDir = dir.Combine("out");
        SweepRunner.Run(sweep, outDir, new Shard(0, 1, "test"), jobs: 2);
        var report = FolderReport.Build(outDir);
        Assert.Equal(["fig-pareto"], report.Figures.Select(f => f.Id));
        string html = report.Render();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Non-dominated designs", html, StringComparison.Ordinal);
        foreach (var figure in report.Figures)
        {
            var svg = XElement.Parse(figure.Svg);
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.Equal(figure.Id, (string?)svg.Attribute("data-figure"));
            Assert.Contains("latency per recall (ns)", figure.Svg, StringComparison.Ordinal);
            Assert.Contains("energy per recall (pJ)", figure.Svg, StringComparison.Ordinal);
            Assert.Contains("area (mm2)", figure.Svg, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(figure.Caption));
        }

        // Several figures on one page must not share element ids.
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // The report depends only on the data: the same folder gives the same bytes.
        Assert.Equal(html, FolderReport.Build(outDir).Render());
    }

    [Fact]
    public void A_capacity_sweep_report_plots_each_metric_against_the_numeric_axis()
    {
        using var dir = new TempDir();
        string yaml = $$"""
            name: capacity
            chip: {{SweepFixtures.Chip}}
            axes:
              network.neurons: [16, 24]
            workload: { kind: capacity, rule: pinv, grid: [2, 4, 6, 8], trials: 2 }
            metrics: [capacity_099, capacity_095, area_um2]
            """;
        var sweep = SweepReader.Load(SweepFixtures.Write(dir, yaml));
        string outDir = dir.Combine("out");
        SweepRunner.Run(sweep, outDir, new Shard(0, 1, "test"), jobs: 1);
        var report = FolderReport.Build(outDir);
        Assert.Equal(["fig-capacity-099", "fig-capacity-095"], report.Figures.Select(f => f.Id));
        Assert.All(report.Figures, f => Assert.Contains("capacity_099 (patterns)", report.Figures.First().Svg, StringComparison.Ordinal));
        Assert.All(SweepMerge.Read(outDir).Rows, r => Assert.InRange(r.Metrics["capacity_099"], 0, 8));
    }

    [Fact]
    public void A_folder_of_nothing_known_is_refused()
    {
        using var dir = new TempDir();
        Assert.Throws<InvalidDataException>(() => FolderReport.Build(dir.Path));
    }
}
