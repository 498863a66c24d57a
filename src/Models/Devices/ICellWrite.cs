namespace Engram.Models.Devices;

/// <summary>What one write of a whole-array sweep (<see cref="DeviceArray.WriteAll"/>) puts into a programmable cell, before its range clamps it.</summary>
internal interface ICellWrite
{
    /// <summary>The conductance written for target <paramref name="targetS"/> (siemens), drawing any noise from <paramref name="rng"/>.</summary>
    double Value(double targetS, Random rng);
}
