using Engram.Models.Learning;
using Engram.Models.Networks;

namespace Engram.Workloads.Capacity;

/// <summary>Learning rules by the names the CLI uses: hebb, pinv, storkey, adaptive, multilayer.</summary>
public static class LearnerCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["hebb", "pinv", "storkey", "adaptive", "multilayer"];

    /// <summary>
    /// The learner for <paramref name="name"/>; <paramref name="hidden"/> is the hidden-layer width H of the
    /// multilayer net (ignored by the single-layer rules).
    /// </summary>
    /// <param name="scheduleNeurons">Multilayer only: scale the schedule's learning rate by min(1, N0 / N) (<see cref="MultilayerOptions.ScheduleNeurons"/>).</param>
    public static IMemoryLearner Create(string name, int? hidden = null, int? scheduleNeurons = null) => name switch
    {
        "hebb" => new ClassicalLearner(new HebbRule()),
        "pinv" => new ClassicalLearner(new PseudoInverseRule()),
        "storkey" => new ClassicalLearner(new StorkeyRule()),
        "adaptive" => new AdaptiveLearner(),
        "multilayer" => new MultilayerLearner((hidden is int h ? MultilayerOptions.Default with { Hidden = h } : MultilayerOptions.Default) with { ScheduleNeurons = scheduleNeurons }),
        _ => throw new ArgumentException($"unknown rule '{name}' (expected one of {string.Join(", ", Names)})"),
    };

    /// <summary>Recall iterations K of the He et al. code: 102 for the classical rules, 100 for the trained nets (<c>associatememory_scale.py</c>, <c>multilayer.py</c>).</summary>
    public static int DefaultIterations(string name) => name is "adaptive" or "multilayer" ? 100 : 102;
}
