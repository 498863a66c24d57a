namespace Engram.Models.Costs;

/// <summary>An analog-to-digital converter: one conversion of one column, with its column-current convention.</summary>
public interface IAdcCostModel : IComponentCostModel
{
    int Bits { get; }

    double ConversionLatencyPs { get; }

    /// <summary>Whether this converter's energy already includes the column current (then the cells must not charge it).</summary>
    ColumnCurrentConvention Convention { get; }

    /// <summary>
    /// Energy of one conversion of a column whose active cells conduct <paramref name="columnConductanceS"/> in
    /// total (each cell in series with its access device) at <paramref name="readVoltageV"/>.
    /// </summary>
    double ConversionEnergyJ(double columnConductanceS, double readVoltageV);

    /// <summary><see cref="ConversionEnergyJ"/> of each column in turn: one call for the columns of a read.</summary>
    void ConversionEnergiesJ(ReadOnlySpan<double> columnConductancesS, double readVoltageV, Span<double> energiesJ)
    {
        for (int i = 0; i < columnConductancesS.Length; i++)
        {
            energiesJ[i] = ConversionEnergyJ(columnConductancesS[i], readVoltageV);
        }
    }
}

/// <summary>Where the current through the cells of a column is charged — never twice (docs/cost-models.md).</summary>
public enum ColumnCurrentConvention
{
    /// <summary>The cells charge V²·G·t per read; the converter charges only itself (survey).</summary>
    InCells,

    /// <summary>
    /// The crossbar's published read energy covers the cells (ISAAC: 0.3 mW per 100 ns read of a 128×128 array),
    /// charged as an equal share per conducting cell; the converter charges only itself.
    /// </summary>
    InArray,

    /// <summary>The converter's column-power term covers the current (NeuroSim SAR and flash); cells charge nothing on read.</summary>
    InConverter,
}
