namespace Engram.Models.Networks;

/// <summary>A learning rule or trainer that turns stored patterns into an <see cref="IAssociativeMemory"/>.</summary>
public interface IMemoryLearner
{
    /// <summary>Rule name as the CLI spells it: hebb, pinv, storkey, adaptive, multilayer.</summary>
    string Name { get; }

    IAssociativeMemory Learn(double[][] patterns, LearningContext context);
}

/// <summary>
/// What a learner may use: the stuck-cell draws (faults at <see cref="FaultRate"/> are the cells whose draw
/// is ≤ the rate, so maps nest across rates), whether patterns are continuous, and its own random stream.
/// </summary>
public sealed record LearningContext(FaultDraws Faults, double FaultRate, bool Continuous, Random Rng);
