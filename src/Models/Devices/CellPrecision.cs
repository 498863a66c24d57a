namespace Engram.Models.Devices;

/// <summary>How an array stores its cells' conductances (see <see cref="ConductanceStore"/>).</summary>
public enum CellPrecision
{
    /// <summary>IEEE double: arrays trained by pulses, and arrays built from streams.</summary>
    Double,

    /// <summary>IEEE single: arrays that are programmed and read (the recall chip), 4 B per cell.</summary>
    Single,
}
