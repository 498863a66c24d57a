using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

internal static class TestCards
{
    public const double GminS = 1e-6;
    public const double GmaxS = 101e-6;

    public static DeviceCard Card(
        PulseResponseSpec spec,
        double readNoise = 0,
        double programmingNoise = 0,
        int levels = 0,
        StuckFaultSpec? faults = null,
        DriftSpec? drift = null,
        WriteVerifySpec? verify = null) => new()
        {
            Name = "test",
            GminS = GminS,
            GmaxS = GmaxS,
            Levels = levels,
            ReadVoltageV = 0.2,
            ReadNoiseStdRelative = readNoise,
            ProgrammingNoiseStdFraction = programmingNoise,
            Faults = faults ?? StuckFaultSpec.None,
            Drift = drift,
            PulseResponse = spec,
            WritePulse = new WritePulseSpec(1.5, 10_000),
            WriteVerify = verify ?? new WriteVerifySpec(100, 0.01),
        };

    /// <summary>A spec of the given model with every spread and noise switched off and bounds ±1.</summary>
    public static PulseResponseSpec NoSpread(PulseResponseKind kind, double dwMin = 0.01) => new()
    {
        Model = kind,
        DwMin = dwMin,
        DwMinDtod = 0,
        DwMinStd = 0,
        WMax = 1,
        WMin = -1,
        WMaxDtod = 0,
        WMinDtod = 0,
        UpDownDtod = 0,
    };

    public static DeviceArray Array(DeviceCard card, int rows, int cols, int seed = 1, double? faultRate = null) =>
        new(card, rows, cols, new Random(seed), new Random(seed + 1000), faultRate);

    public static (double Mean, double Std) Stats(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance));
    }
}
