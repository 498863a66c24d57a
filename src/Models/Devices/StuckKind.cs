namespace Engram.Models.Devices;

/// <summary>What a cell is stuck at; <see cref="None"/> for a programmable cell.</summary>
public enum StuckKind : byte
{
    None = 0,
    AtGmin = 1,
    AtGmax = 2,
    AtRandom = 3,
}
