namespace Engram.Models.Devices;

/// <summary>Up pulses raise the device weight (and conductance), down pulses lower it.</summary>
public enum PulseDirection : byte
{
    Up = 0,
    Down = 1,
}
