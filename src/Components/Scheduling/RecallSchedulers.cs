using System.Globalization;
using Engram.Components.Arch;
using Engram.Components.Blocks;

namespace Engram.Components.Scheduling;

/// <summary>
/// The recall schedulers by name (<c>controller.schedule</c>, <c>--schedule</c>, <c>--schedules</c>). A name may
/// carry one integer argument, <c>name:K</c> (the group size of <c>grouped</c>). Add one with <see cref="Register"/>.
/// </summary>
public static class RecallSchedulers
{
    private static readonly Registry<Entry> Entries = Create();

    public static IReadOnlyList<string> Names => Entries.Names;

    /// <summary>Registers a scheduler taking no argument.</summary>
    public static void Register(string name, Func<IRecallScheduler> create) => Entries.Register(name, new Entry(_ => create(), false));

    /// <summary>Registers a scheduler taking one integer argument ≥ 1 (<c>name:K</c>).</summary>
    public static void Register(string name, Func<int, IRecallScheduler> create) => Entries.Register(name, new Entry(create, true));

    /// <summary>The scheduler <paramref name="text"/> names (<c>sync</c>, <c>grouped:8</c>); <see cref="ArgumentException"/> when it names none.</summary>
    public static IRecallScheduler Parse(string text) =>
        Problem(text, null) is { } problem ? throw new ArgumentException(problem) : Build(text);

    /// <summary>Why <paramref name="schedule"/> with an optional YAML <c>group_size</c> names no scheduler, or null.</summary>
    public static string? Check(string schedule, int? groupSize) => Problem(schedule, groupSize);

    private static IRecallScheduler Build(string text)
    {
        var (name, argument) = Split(text);
        var entry = Entries.Get(name);
        return entry.Create(argument ?? 0);
    }

    private static string? Problem(string text, int? groupSize)
    {
        var (name, argument) = Split(text);
        if (!Entries.TryGet(name, out var entry))
        {
            return $"unknown schedule '{text}'; expected one of {string.Join(", ", Names.Select(n => Entries.TryGet(n, out var e) && e.TakesArgument ? $"{n}:G" : n))}";
        }

        if (argument is int a && a < 1 || text.Contains(':', StringComparison.Ordinal) && argument is null)
        {
            return $"'{text}': the group size after ':' must be an integer >= 1";
        }

        if (groupSize is not null)
        {
            if (argument is not null)
            {
                return $"group_size: '{text}' already gives the group size; remove one of them";
            }

            if (!entry.TakesArgument)
            {
                return $"group_size: only a schedule that updates groups takes a group size ({name} does not)";
            }

            return null;
        }

        if (entry.TakesArgument && argument is null)
        {
            return $"'{name}' needs a group size: write {name}:G (G >= 1), or set controller.group_size";
        }

        return !entry.TakesArgument && argument is not null ? $"'{name}' takes no group size, got '{text}'" : null;
    }

    private static (string Name, int? Argument) Split(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (text, null);
        }

        return (text[..colon], int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : null);
    }

    private static Registry<Entry> Create()
    {
        var registry = new Registry<Entry>("schedule");
        registry.Register(Schedule.Sync, new Entry(_ => new SyncScheduler(), false));
        registry.Register(Schedule.Async, new Entry(_ => new AsyncScheduler(), false));
        registry.Register(Schedule.Grouped, new Entry(g => new GroupedScheduler(g), true));
        return registry;
    }

    private sealed record Entry(Func<int, IRecallScheduler> Create, bool TakesArgument);
}
