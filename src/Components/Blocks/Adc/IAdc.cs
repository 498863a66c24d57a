using Engram.Models.Costs;

namespace Engram.Components.Blocks.Adc;

/// <summary>
/// One kind of analog-to-digital converter as a block of the chip: its cost model (energy of a conversion, with
/// or without the column current; latency; area) and its quantizer (column current → signed code).
/// </summary>
public interface IAdc
{
    /// <summary>The YAML name of its type (<c>periphery.adc.type</c>).</summary>
    string Type { get; }

    int Bits { get; }

    /// <summary>The profile's cost model behind the figures (for <c>--explain</c> and the physical-limit check).</summary>
    IComponentCostModel Model { get; }

    double ConversionLatencyPs { get; }

    double AreaUm2 { get; }

    /// <summary>Static power of one converter (integrated over the run; 0 where the profile publishes none).</summary>
    double LeakageW { get; }

    /// <summary>Whether a conversion's energy already carries the column current (then the cells must not charge it).</summary>
    ColumnCurrentConvention Convention { get; }

    /// <summary>
    /// One conversion of a column whose driven cells conduct <paramref name="columnConductanceS"/> in total; a
    /// converter that does not carry the column current uses the conductance only for its own data-dependent terms.
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

    /// <summary>The signed code for <paramref name="currentA"/> with one code step of <paramref name="codeStepA"/>.</summary>
    int Quantize(double currentA, double codeStepA);

    /// <summary><see cref="Quantize"/> of each current in turn: one call for the columns of a read.</summary>
    void QuantizeEach(ReadOnlySpan<double> currentsA, double codeStepA, Span<int> codes)
    {
        for (int i = 0; i < currentsA.Length; i++)
        {
            codes[i] = Quantize(currentsA[i], codeStepA);
        }
    }
}
