namespace Engram.Models.Learning;

/// <summary>Which optimizer a trainer uses.</summary>
public enum OptimizerKind
{
    Adam,
    RmsProp,
}
