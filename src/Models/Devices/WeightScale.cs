namespace Engram.Models.Devices;

/// <summary>
/// The affine map between a device's conductance and the pulse model's weight units: w = w_min + (G − G_min)·k,
/// with k = (w_max − w_min)/(G_max − G_min). One formula for every caller, so a bound converted anywhere is the same bits.
/// </summary>
internal readonly struct WeightScale(double gminS, double wMin, double weightPerSiemens)
{
    public double GminS => gminS;

    public double WeightPerSiemens => weightPerSiemens;

    public double ToDeviceWeight(double conductanceS) => wMin + ((conductanceS - gminS) * weightPerSiemens);

    public double ToConductance(double deviceWeight) => gminS + ((deviceWeight - wMin) / weightPerSiemens);
}
