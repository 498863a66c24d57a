using Engram.Sim.Core;

namespace Engram.Components.Scheduling;

/// <summary>
/// A recall schedule: which neurons each step updates and when the recall stops. It runs as a kernel process
/// over a <see cref="RecallRun"/>, yielding the waits of the chip's actions; register one in <see cref="RecallSchedulers"/>.
/// </summary>
public interface IRecallScheduler
{
    /// <summary>Its name as the YAML and the command line write it (<c>grouped:8</c>).</summary>
    string Name { get; }

    IEnumerable<Wait> Run(RecallRun run);
}
