namespace Engram.Models.Costs;

/// <summary>
/// The reference configuration behind the "neurosim" profile (Andrulis et al., ISPASS 2024): NeuroSim V1.3's circuit core as
/// modified by CiMLoop's plug-in, 22 nm LSTP, Vdd 0.85 V, 128×128 1T1R RRAM sub-array read in parallel.
/// </summary>
public static class NeuroSimReference
{
    public const string Profile = "neurosim";
    public const double NodeNm = 22;

    public static Provenance Figure(string figure, string scaling = "") =>
        new("NeuroSim V1.3 circuit core via CiMLoop plug-in (Andrulis et al., ISPASS 2024), 22 nm LSTP, Vdd 0.85 V", "22 nm", 2024, figure, scaling);

    public static readonly Provenance Device = Figure("128x128 1T1R RRAM, Ron 6 kOhm, Roff 900 kOhm, access transistor 195 kOhm, read 0.5 V for 1 ns, write 2 V for 50 ns, 48 F^2 cell");

    public const double OnResistanceOhm = 6e3;
    public const double OffResistanceOhm = 900e3;
    public const double AccessResistanceOhm = 195e3;
    public const double ReadVoltageV = 0.5;
    public const double ReadPulsePs = 1_000;
    public const double WriteVoltageV = 2.0;
    public const double WritePulsePs = 50_000;
    public const double CellAreaFeatureCount = 48;
    public const double VddV = 0.85;

    /// <summary>NeuroSim's column-power model scales R_col by this voltage over the actual read voltage.</summary>
    public const double ColumnReferenceReadVoltageV = 0.5;
}
