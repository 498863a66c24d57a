namespace Engram.Models.Devices;

/// <summary>What one write of a whole-array sweep (<see cref="DeviceArray.WriteAll"/>) puts into a programmable cell, before its range clamps it.</summary>
internal interface ICellWrite
{
    /// <summary>Whether a write takes one N(0, 1) deviate of the programming stream (drawn before the cell's write noise).</summary>
    bool Draws { get; }

    /// <summary>What the write aims at for target <paramref name="targetS"/> (siemens): a pure function of the target.</summary>
    double Aim(double targetS);

    /// <summary>The conductance written for the aim <paramref name="aimS"/> (of <see cref="Aim"/>), given its deviate (0 when it draws none).</summary>
    double Value(double aimS, double deviate);
}
