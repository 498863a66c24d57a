namespace Engram.Components.Arch;

/// <summary>The names of the built-in recall schedules (<c>controller.schedule</c>).</summary>
public static class Schedule
{
    /// <summary>All neurons per iteration.</summary>
    public const string Sync = "sync";

    /// <summary>One neuron per update.</summary>
    public const string Async = "async";

    /// <summary>G neurons per step (<c>grouped:G</c>).</summary>
    public const string Grouped = "grouped";
}
