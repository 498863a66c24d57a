using System.CommandLine;
using Engram.Workloads.Reports;

namespace Engram.Cli.Commands;

/// <summary><c>engram report DIR</c>: a self-contained report.html (inline SVG figures, no scripts) for an output folder.</summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var dir = new Argument<string>("dir") { Description = "output folder of engram sweep (merged or not), run, compare --out or capacity --out" };
        var command = new Command("report", "Write report.html with figures for an output folder.") { dir };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(dir)!;
            try
            {
                parse.InvocationConfiguration.Output.WriteLine($"report -> {FolderReport.Write(folder)}");
                return 0;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"engram report: {ex.Message}");
                return ChipInput.BadInput;
            }
        });
        return command;
    }
}
