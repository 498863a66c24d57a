namespace Engram.Models.Costs;

/// <summary>
/// Crossbar cells (1T1R) of NeuroSim's reference device: read and write energy from the cell's conductance in
/// series with its 195 kΩ access transistor, E = V²·G_eff·t. The chip simulation charges V²·G·t from its own
/// device card instead (the card's conductances already describe the cell it reads). Device physics, not CMOS:
/// the energies do not scale with the node; the 48 F² footprint does.
/// </summary>
public sealed class CellArrayCost : ComponentCostModel
{
    public const string ReadOn = "read_on";
    public const string ReadOff = "read_off";
    public const string WriteSet = "write_set";
    public const string WriteRowSwitch = "write_row_switch";

    private static readonly string[] ActionNames = [ReadOn, ReadOff, WriteSet, WriteRowSwitch];

    private readonly double _rowSwitchEnergyJ;

    public CellArrayCost(double nodeNm, string profile = NeuroSimReference.Profile)
        : base("cell", profile, nodeNm, NeuroSimReference.NodeNm)
    {
        OnResistanceOhm = Cite(nameof(OnResistanceOhm), NeuroSimReference.OnResistanceOhm, CostUnit.Ohm, NeuroSimReference.Device);
        OffResistanceOhm = Cite(nameof(OffResistanceOhm), NeuroSimReference.OffResistanceOhm, CostUnit.Ohm, NeuroSimReference.Device);
        AccessResistanceOhm = Cite(nameof(AccessResistanceOhm), NeuroSimReference.AccessResistanceOhm, CostUnit.Ohm, NeuroSimReference.Device);
        ReadVoltageV = Cite(nameof(ReadVoltageV), NeuroSimReference.ReadVoltageV, CostUnit.Volt, NeuroSimReference.Device);
        ReadPulsePs = Cite(nameof(ReadPulsePs), NeuroSimReference.ReadPulsePs, CostUnit.Picosecond, NeuroSimReference.Device);
        WriteVoltageV = Cite(nameof(WriteVoltageV), NeuroSimReference.WriteVoltageV, CostUnit.Volt, NeuroSimReference.Device);
        WritePulsePs = Cite(nameof(WritePulsePs), NeuroSimReference.WritePulsePs, CostUnit.Picosecond, NeuroSimReference.Device);
        double features = Cite("CellAreaFeatureCount", NeuroSimReference.CellAreaFeatureCount, CostUnit.Dimensionless,
            NeuroSimReference.Figure("cell area 48 F^2 = 0.023 um^2 at 22 nm", "area = 48 F^2 at the node"));
        double featureUm = nodeNm * 1e-3;
        CellAreaUm2 = features * featureUm * featureUm;
        // The switch charges the lines of a written row; under NeuroSim their capacitance (wire plus access gates) sets how it scales.
        _rowSwitchEnergyJ = Cite("RowSwitchEnergyJ", 0.83e-12, CostUnit.Joule,
            NeuroSimReference.Figure("source-line switch energy per written row 0.83 pJ", NodeScaling is null ? ScalingNote : ScalingNote + "; x word-line capacitance")) * (NodeScaling?.LineCapacitanceRatio ?? EnergyScale);
    }

    public double OnResistanceOhm { get; }

    public double OffResistanceOhm { get; }

    public double AccessResistanceOhm { get; }

    public double ReadVoltageV { get; }

    public double ReadPulsePs { get; }

    public double WriteVoltageV { get; }

    public double WritePulsePs { get; }

    public double CellAreaUm2 { get; }

    /// <summary>Area of one cell.</summary>
    public override double AreaUm2 => CellAreaUm2;

    public override IReadOnlyList<string> Actions => ActionNames;

    /// <summary>Conductance of a cell in series with its access transistor.</summary>
    public double EffectiveConductanceS(double cellConductanceS) =>
        cellConductanceS <= 0 ? 0 : 1.0 / ((1.0 / cellConductanceS) + AccessResistanceOhm);

    /// <summary>Energy of one cell conducting for one pulse (read or write): V²·G_eff·t.</summary>
    public double PulseEnergyJ(double cellConductanceS, double voltageV, double pulsePs) =>
        voltageV * voltageV * EffectiveConductanceS(cellConductanceS) * pulsePs * 1e-12;

    public override ActionCost Cost(string action) => action switch
    {
        ReadOn => new(PulseEnergyJ(1 / OnResistanceOhm, ReadVoltageV, ReadPulsePs), ReadPulsePs),
        ReadOff => new(PulseEnergyJ(1 / OffResistanceOhm, ReadVoltageV, ReadPulsePs), ReadPulsePs),
        WriteSet => new(PulseEnergyJ(1 / OnResistanceOhm, WriteVoltageV, WritePulsePs), WritePulsePs),
        WriteRowSwitch => new(_rowSwitchEnergyJ, 0),
        _ => throw UnknownAction(action),
    };
}
