namespace Engram.Models.Devices;

/// <summary>Array <paramref name="Index"/> of <paramref name="Lines"/>: where a <see cref="DeviceArray"/> keeps its cells and bit-line sums.</summary>
public readonly record struct BitLinePlace(InterleavedBitLines Lines, int Index);
