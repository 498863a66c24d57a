using System.Globalization;
using Spectre.Console;

namespace Engram.Cli;

/// <summary>
/// Progress of a long command, on stderr so stdout stays data: a Spectre.Console bar with an ETA when stderr is a
/// terminal, else one plain line per finished unit (CI logs and Slurm output files get a readable record, where a
/// live display would print nothing), and nothing at all with <c>--quiet</c>. Colour is off under <c>NO_COLOR</c>.
/// </summary>
internal sealed class ProgressDisplay
{
    private readonly TextWriter _error;
    private readonly string _label;
    private readonly string _unit;
    private readonly Lock _gate = new();

    private ProgressDisplay(TextWriter error, string label, string unit, ProgressMode mode)
    {
        _error = error;
        _label = label;
        _unit = unit;
        Mode = mode;
    }

    public ProgressMode Mode { get; }

    /// <param name="label">The command, which starts every plain line ("sweep").</param>
    /// <param name="unit">What is counted, plural ("points").</param>
    public static ProgressDisplay For(TextWriter error, bool quiet, string label, string unit) =>
        new(error, label, unit, quiet ? ProgressMode.Quiet : IsTerminal(error) ? ProgressMode.Live : ProgressMode.Plain);

    /// <summary>The plain line for unit <paramref name="done"/> of <paramref name="total"/>: "sweep: 3/48 points done (1.25 s): what".</summary>
    public static string PlainLine(string label, string unit, int done, int total, TimeSpan took, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}: {done}/{total} {unit} done ({took.TotalSeconds:F2} s): {what}");

    /// <summary>
    /// Runs <paramref name="work"/>, giving it the callback to call once per finished unit with (done, took, what).
    /// <paramref name="alreadyDone"/> units (resumed work) start the bar part-way.
    /// </summary>
    public T Run<T>(int total, int alreadyDone, Func<Action<int, TimeSpan, string>, T> work)
    {
        switch (Mode)
        {
            case ProgressMode.Quiet:
                return work((_, _, _) => { });
            case ProgressMode.Plain:
                return work((done, took, what) =>
                {
                    lock (_gate)
                    {
                        _error.WriteLine(PlainLine(_label, _unit, done, total, took, what));
                        _error.Flush();
                    }
                });
            default:
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(Console.Error),
                    ColorSystem = NoColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
                });
                T result = default!;
                console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask($"{_label} ({total} {_unit})", maxValue: Math.Max(1, total));
                        task.Value = alreadyDone;
                        result = work((done, _, _) => task.Value = done);
                        task.Value = task.MaxValue;
                    });
                return result;
        }
    }

    /// <summary>Adapts a (done, what) callback to the display's tick, timing each unit as the time since the previous one.</summary>
    public static Action<int, string> Timed(Action<int, TimeSpan, string> tick)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        return (done, what) =>
        {
            var now = clock.Elapsed;
            tick(done, now - last, what);
            last = now;
        };
    }

    private static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    // Only the process's own stderr can be a terminal; a captured writer (tests, pipes) gets plain lines.
    private static bool IsTerminal(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");
}

internal enum ProgressMode
{
    Quiet,
    Plain,
    Live,
}
