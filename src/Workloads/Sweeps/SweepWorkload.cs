using Engram.Components.Arch;
using Engram.Components.Chips;

namespace Engram.Workloads.Sweeps;

/// <summary>
/// What a sweep runs at each point, with its options fixed by the sweep file. Each workload names the metrics it
/// can record; a point's metrics depend only on the chip and the options (never on threads, jobs or shards).
/// </summary>
public abstract class SweepWorkload
{
    /// <summary>The workload's name in a sweep file (<c>workload.kind</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Every metric this workload can record, with its unit ("" for a pure number).</summary>
    public abstract IReadOnlyDictionary<string, string> Metrics { get; }

    /// <summary>The options in a fixed order and format: part of every point's hash.</summary>
    public abstract string Canonical { get; }

    /// <summary>Throws <see cref="ArgumentException"/> when the options do not suit this point's chip.</summary>
    public abstract void Check(ChipSpec chip);

    /// <param name="threads">Worker threads the workload may use; results do not depend on it.</param>
    public abstract IReadOnlyDictionary<string, double> Run(ChipSpec chip, int threads);

    /// <summary>Total chip area from the description alone (no device arrays are built).</summary>
    protected static double AreaUm2(ChipSpec chip) => ChipLayout.AreaUm2(chip).Values.Sum();
}
