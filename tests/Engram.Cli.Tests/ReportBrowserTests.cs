using System.Diagnostics;
using System.Text.RegularExpressions;
using Engram.Workloads.Tests.Sweeps;

namespace Engram.Cli.Tests;

/// <summary>
/// Every kind of report.html opens in headless Chromium (Debian's chromium, which .ci/run installs): the screenshot
/// is not blank and the rendered page holds each expected figure as SVG. Needs /usr/bin/chromium (or CHROMIUM).
/// </summary>
public class ReportBrowserTests
{
    [Fact]
    public void Reports_of_run_compare_capacity_scaling_and_sweep_render_in_chromium()
    {
        string chromium = FindChromium();
        using var dir = new TempDir();
        string hnn64 = Path.Combine(RepoPaths.Chips, "hnn64.yaml");
        Assert.Equal(0, CliRunner.Run("run", hnn64, "--out", dir.Combine("run")).Code);
        Assert.Equal(0, CliRunner.Run("compare", hnn64, "--out", dir.Combine("compare")).Code);
        Assert.Equal(0, CliRunner.Run("capacity", "--rule", "hebb", "--n", "16", "--trials", "2", "--out", dir.Combine("capacity")).Code);
        Assert.Equal(0, CliRunner.Run("scaling", "--rule", "pinv", "--n", "16,24,32", "--grid", "1:40:1", "--trials", "2", "--tau", "0.95", "--out", dir.Combine("scaling")).Code);
        string yaml = $$"""
            name: browser
            chip: {{SweepFixtures.Chip}}
            axes:
              periphery.adc.bits: [4, 8]
              network.neurons: [32, 64]
            workload: { kind: compare, patterns: 2 }
            metrics: [sync_energy_j, sync_latency_ps, async_energy_j, async_latency_ps, area_um2]
            """;
        Assert.Equal(0, CliRunner.Run("sweep", SweepFixtures.Write(dir, yaml), "--out", dir.Combine("sweep"), "--quiet").Code);
        Assert.Equal(0, CliRunner.Run("merge", dir.Combine("sweep")).Code);
        Assert.Equal(0, CliRunner.Run("report", dir.Combine("sweep")).Code);

        var expected = new Dictionary<string, string[]>
        {
            ["run"] = ["fig-energy-breakdown", "fig-area-breakdown"],
            ["compare"] = ["fig-energy-breakdown", "fig-latency"],
            ["capacity"] = ["fig-capacity-similarity", "fig-capacity-exact"],
            ["scaling"] = ["fig-scaling", "fig-scaling-curves"],
            ["sweep"] = ["fig-pareto", "fig-energy-n", "fig-latency-n"],
        };
        foreach (var (folder, figures) in expected)
        {
            string page = dir.Combine(folder, "report.html");
            Assert.True(File.Exists(page), page);

            string dom = Chromium(chromium, dir, "--dump-dom", page);
            Assert.Equal(figures.Length, Regex.Count(dom, "<svg[ >]"));
            foreach (string id in figures)
            {
                Assert.Matches(new Regex($"<figure id=\"{id}\" class=\"figure\">.*?<svg [^>]*data-figure=\"{id}\".*?</svg>.*?<figcaption>[^<]+</figcaption>", RegexOptions.Singleline), dom);
            }

            string png = dir.Combine($"{folder}.png");
            Chromium(chromium, dir, $"--screenshot={png}", page);
            var image = PngImage.Decode(File.ReadAllBytes(png));
            Assert.Equal((1000, 1400), (image.Width, image.Height));
            Assert.True(image.InkFraction() > 0.01, $"{folder}: the page looks blank ({image.InkFraction():P2} of pixels not white)");
            Assert.True(image.Colours() > 8, $"{folder}: only {image.Colours()} colours: the figures did not render");
        }
    }

    private static string FindChromium()
    {
        foreach (string? candidate in new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("headless Chromium not found at /usr/bin/chromium (or $CHROMIUM): install Debian's chromium (apt-get install chromium), as .ci/run does");
        return "";
    }

    private static string Chromium(string chromium, TempDir dir, string action, string page)
    {
        string profile = Directory.CreateTempSubdirectory("engram-chromium-").FullName;
        try
        {
            var (code, output, err) = EngramProcess.Tool(chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", $"--user-data-dir={profile}", "--window-size=1000,1400", "--hide-scrollbars", action, new Uri(page).AbsoluteUri,
            ], workingDirectory: dir.Path);
            Assert.True(code == 0, $"chromium exited {code}: {err}");
            return output;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
