namespace Engram.Models.Costs;

/// <summary>The operating point of one analog matrix-vector step on one array.</summary>
public sealed record MvmStepConfig(int Rows, int Columns, double InputOnesFraction, double OnCellsFraction, AdcKind Adc, int AdcBits, int ColumnsPerAdc)
{
    /// <summary>Engram's cross-check (docs/cost-models.md): 128×128, 1-bit inputs with 50 % ones, 50 % ON cells, one 5-bit conversion per column, 8 columns per ADC.</summary>
    public static MvmStepConfig CostsCrossCheck(AdcKind adc) => new(128, 128, 0.5, 0.5, adc, 5, 8);
}

/// <summary>Energy of one step by part; <see cref="TotalJ"/> is their sum.</summary>
public sealed record MvmStepEnergy(double ConversionJ, double RowDriveJ, double ColumnCurrentJ, double ArrayJ)
{
    public double TotalJ => ConversionJ + RowDriveJ + ColumnCurrentJ + ArrayJ;
}

/// <summary>
/// Closed-form energy of one MVM step from a profile's cost models, with the column current charged once
/// where the profile's convention puts it (Engram's cross-check, docs/cost-models.md). The chip charges the same conventions
/// action by action, but from its own device card's conductances rather than the reference device's.
/// </summary>
public static class MvmStepEstimate
{
    public static MvmStepEnergy Estimate(CostLibrary library, MvmStepConfig config)
    {
        int activeRows = (int)Math.Round(config.Rows * config.InputOnesFraction);
        var physics = library.CellPhysics();
        double onG = physics.EffectiveConductanceS(1 / physics.OnResistanceOhm);
        double offG = physics.EffectiveConductanceS(1 / physics.OffResistanceOhm);
        double onCellsPerColumn = activeRows * config.OnCellsFraction;
        double offCellsPerColumn = activeRows - onCellsPerColumn;

        var adc = library.Adc(config.Adc, config.AdcBits);
        double conversionBaseJ = adc.ConversionEnergyJ(0, physics.ReadVoltageV) * config.Columns;

        // The column current is charged once, where the profile's convention puts it.
        double columnCurrentJ = 0, arrayJ = 0;
        switch (adc.Convention)
        {
            case ColumnCurrentConvention.InConverter:
                double columnG = (onCellsPerColumn * onG) + (offCellsPerColumn * offG);
                columnCurrentJ = (adc.ConversionEnergyJ(columnG, physics.ReadVoltageV) * config.Columns) - conversionBaseJ;
                break;
            case ColumnCurrentConvention.InArray:
                arrayJ = ((IsaacCrossbarCost)library.Cells()).PerCellReadEnergyJ * activeRows * config.Columns;
                break;
            default:
                double onJ = physics.PulseEnergyJ(1 / physics.OnResistanceOhm, physics.ReadVoltageV, physics.ReadPulsePs);
                double offJ = physics.PulseEnergyJ(1 / physics.OffResistanceOhm, physics.ReadVoltageV, physics.ReadPulsePs);
                columnCurrentJ = ((onCellsPerColumn * onJ) + (offCellsPerColumn * offJ)) * config.Columns;
                break;
        }

        double rowDriveJ;
        var driver = library.RowDriver();
        if (driver is RowDriverCost neuro)
        {
            rowDriveJ = (config.Rows * neuro.DriveEnergyJ(false)) + (activeRows * (neuro.DriveEnergyJ(true) - neuro.DriveEnergyJ(false)));
        }
        else
        {
            rowDriveJ = config.Rows * driver.Cost(RowDriverCost.DriveRow).EnergyJ;
        }

        return new MvmStepEnergy(conversionBaseJ, rowDriveJ, columnCurrentJ, arrayJ);
    }
}
