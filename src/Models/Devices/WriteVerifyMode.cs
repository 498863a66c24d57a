namespace Engram.Models.Devices;

/// <summary>How a write-verify loop moves the cell between verify reads.</summary>
public enum WriteVerifyMode
{
    /// <summary>Each pulse re-programs towards the target with the card's programming noise (program-and-verify).</summary>
    Reprogram,

    /// <summary>Each pulse is one up or down pulse of the pulse-response model, towards the target.</summary>
    IncrementalPulses,
}
