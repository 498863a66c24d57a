namespace Engram.Workloads.Sweeps;

/// <summary>One value of an axis as written in the sweep file, with where it was written (for error messages).</summary>
/// <param name="Text">The scalar exactly as written; it is also the value's canonical form in hashes and CSV.</param>
/// <param name="Quoted">True when written as a quoted string, so it is set into the chip as a string.</param>
public sealed record SweepValue(string Text, bool Quoted, long Line, long Column)
{
    /// <summary>
    /// For a value written as a mapping (<c>{placement: off_chip, host_round_trip_ps: 1000000}</c>): the keys it sets
    /// below the axis's section, in file order; null for a single value. <see cref="Text"/> is then the mapping in
    /// flow style, its canonical form.
    /// </summary>
    public IReadOnlyList<SweepField>? Fields { get; init; }
}

/// <summary>One key of a mapping-valued axis value: a key below the axis's section and its scalar as written.</summary>
public sealed record SweepField(string Key, string Text, bool Quoted);

/// <summary>An axis: a chip key path (<c>periphery.adc.bits</c>) and the values it takes, in file order.</summary>
public sealed record SweepAxis(string KeyPath, IReadOnlyList<SweepValue> Values, long Line, long Column);
