namespace Engram.Models.Devices;

/// <summary>
/// Totals of one stochastic rank-one update. Pulses count every coincidence delivered to a cell, including
/// stuck cells (the pulse is driven and costs energy even if the device does not move).
/// </summary>
public readonly record struct PulseUpdateResult(
    int BitLength,
    double ScaleD,
    double ScaleX,
    long UpPulses,
    long DownPulses,
    int RowTrainBits,
    int ColumnTrainBits)
{
    public long TotalPulses => UpPulses + DownPulses;
}
