namespace Engram.Models.Learning;

/// <summary>Which optimizer a trainer uses.</summary>
public enum OptimizerKind
{
    Adam,
    RmsProp,
}

public static class OptimizerKinds
{
    public static IOptimizer Create(this OptimizerKind kind, double learningRate) => kind switch
    {
        OptimizerKind.Adam => new Adam(learningRate),
        OptimizerKind.RmsProp => new RmsProp(learningRate),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown optimizer"),
    };
}
