using Engram.Models.Networks;

namespace Engram.Models.Learning;

/// <summary>A trained hardware-adaptive memory and the full-batch loss of every epoch it ran.</summary>
public sealed record AdaptiveTrainingResult(SingleLayerMemory Memory, IReadOnlyList<double> Losses)
{
    public int Epochs => Losses.Count;

    public double FinalLoss => Losses[^1];
}
