namespace Engram.Models.Devices;

/// <summary>
/// Everything the simulator knows about one device technology. Conductances in siemens, voltages in
/// volts, times in picoseconds or seconds as the name says. Noise magnitudes are relative and dimensionless.
/// <see cref="Sources"/> maps a card key path (e.g. <c>conductance.gmax_s</c>) to its provenance.
/// </summary>
public sealed record DeviceCard
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required double GminS { get; init; }

    public required double GmaxS { get; init; }

    /// <summary>Programmable conductance levels, evenly spaced over [Gmin, Gmax]; 0 means continuous.</summary>
    public int Levels { get; init; }

    public required double ReadVoltageV { get; init; }

    /// <summary>Std of one read relative to the conductance read: G_read = G·(1 + σ·ξ).</summary>
    public double ReadNoiseStdRelative { get; init; }

    /// <summary>Std of a set-to-target programming as a fraction of (Gmax − Gmin) (docs/devices.md).</summary>
    public double ProgrammingNoiseStdFraction { get; init; }

    public StuckFaultSpec Faults { get; init; } = StuckFaultSpec.None;

    public DriftSpec? Drift { get; init; }

    public required PulseResponseSpec PulseResponse { get; init; }

    public required WritePulseSpec WritePulse { get; init; }

    public required WriteVerifySpec WriteVerify { get; init; }

    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public double RangeS => GmaxS - GminS;


    /// <summary>Nearest programmable conductance (identity for a continuous device), clamped to [Gmin, Gmax].</summary>
    public double Quantize(double conductanceS)
    {
        double g = Math.Clamp(conductanceS, GminS, GmaxS);
        if (Levels < 2)
        {
            return g;
        }

        if (g == GminS)
        {
            // The level formula gives G_min + 0·step, G_min itself (half a differential pair's cells are here).
            return GminS;
        }

        double step = RangeS / (Levels - 1);
        return GminS + Math.Round((g - GminS) / step, MidpointRounding.AwayFromZero) * step;
    }

    /// <summary>Throws <see cref="ArgumentException"/> on an inconsistent card; the YAML loader reports the same rules with file and line.</summary>
    public void Validate()
    {
        DeviceCardChecks.NonNegative(GminS, nameof(GminS));
        DeviceCardChecks.Positive(GmaxS, nameof(GmaxS));
        if (!(GmaxS > GminS))
        {
            throw new ArgumentException($"GmaxS ({GmaxS}) must exceed GminS ({GminS})");
        }

        if (Levels is < 0 or 1)
        {
            throw new ArgumentException($"Levels must be 0 (continuous) or >= 2, got {Levels}");
        }

        DeviceCardChecks.Positive(ReadVoltageV, nameof(ReadVoltageV));
        DeviceCardChecks.Fraction(ReadNoiseStdRelative, nameof(ReadNoiseStdRelative));
        DeviceCardChecks.Fraction(ProgrammingNoiseStdFraction, nameof(ProgrammingNoiseStdFraction));
        Faults.Validate();
        Drift?.Validate();
        PulseResponse.Validate();
        WritePulse.Validate();
        WriteVerify.Validate();
    }
}
