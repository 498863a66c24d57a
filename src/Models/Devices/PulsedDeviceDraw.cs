namespace Engram.Models.Devices;

/// <summary>One cross-point's sampled hidden parameters (aihwkit units), as <see cref="PulsedDeviceSamples.Draw"/> makes them.</summary>
internal readonly record struct PulsedDeviceDraw(double MaxBound, double MinBound, double DwMinUp, double DwMinDown, bool Corrupt);
