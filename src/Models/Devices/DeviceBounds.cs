namespace Engram.Models.Devices;

/// <summary>
/// The sampled bounds b_min, b_max of every device of one array (aihwkit weight units, cell order), drawn ahead of a
/// whole-array write (<see cref="DeviceArray.DrawBounds"/>) so that several arrays can be drawn on other threads while
/// one is written. Reusable: a draw overwrites it.
/// </summary>
public sealed class DeviceBounds
{
    public DeviceBounds(int cellCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cellCount);
        MinBound = new double[cellCount];
        MaxBound = new double[cellCount];
    }

    public double[] MinBound { get; }

    public double[] MaxBound { get; }

    public int CellCount => MinBound.Length;
}
