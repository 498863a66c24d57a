namespace Engram.Components.Training;

/// <summary>
/// A training algorithm: its name, what it is, and its hyper-parameters (chosen once per algorithm, not per device;
/// docs/training.md). <see cref="Rule"/> is null for the floating-point reference, which uses no device.
/// </summary>
public sealed record TrainingAlgorithm(string Name, string Description, AnalogRule? Rule, double FloatLearningRate)
{
    public bool IsAnalog => Rule is not null;

    /// <summary>The same algorithm at another transfer rate (Tiki-Taka family only).</summary>
    public TrainingAlgorithm WithTransferLearningRate(double lr) =>
        Rule is { UsesFastArray: true } rule ? this with { Rule = rule with { TransferLearningRate = lr } } : throw new ArgumentException($"{Name} has no transfer");

    /// <summary>The same algorithm at another gradient learning rate.</summary>
    public TrainingAlgorithm WithLearningRate(double lr) =>
        Rule is null ? this with { FloatLearningRate = lr } : this with { Rule = Rule with { LearningRate = lr } };
}
