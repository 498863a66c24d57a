using Engram.Workloads.Tests.Sweeps;

namespace Engram.Cli.Tests;

/// <summary>
/// engram sweep under a real pseudo-terminal (util-linux <c>script</c>): a live Spectre.Console bar with a percentage
/// and remaining time instead of plain lines, coloured unless NO_COLOR is set.
/// </summary>
public class ProgressTerminalTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void On_a_terminal_the_sweep_shows_a_live_bar(bool noColor)
    {
        const string script = "/usr/bin/script";
        Assert.True(File.Exists(script), "util-linux script (Debian's bsdutils) is needed to run engram on a pseudo-terminal");
        using var dir = new TempDir();
        string sweep = SweepFixtures.Write(dir, SweepFixtures.SmallYaml());
        string command = $"'{EngramProcess.Host}' exec '{EngramProcess.Dll}' sweep '{sweep}' --out '{dir.Combine("out")}'";
        var environment = new Dictionary<string, string?> { ["TERM"] = "xterm", ["NO_COLOR"] = noColor ? "1" : null, ["COLUMNS"] = "100" };
        var (code, output, _) = EngramProcess.Tool(script, ["-qec", command, "/dev/null"], environment);
        Assert.Equal(0, code);
        Assert.Contains("sweep (6 points)", output, StringComparison.Ordinal);
        Assert.Contains("100%", output, StringComparison.Ordinal);
        Assert.DoesNotContain("points done (", output, StringComparison.Ordinal);
        Assert.Contains("6 of 6 points, 0 already done, 6 run", output, StringComparison.Ordinal);
        Assert.Equal(!noColor, output.Contains("\u001b[38;5;", StringComparison.Ordinal));
    }
}
