using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Engram.Components.Arch;
using Engram.Components.Blocks.Crossbar;
using Engram.Components.Ledger;
using Engram.Models.Costs;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Adc;

/// <summary>
/// The <c>adc</c> block: the converters of one array (its columns queue for them: a kernel resource of
/// cols / columns_per_adc), their <c>convert</c> action and their figures. A conversion starts on an edge of the
/// ADC's clock once a converter is free, lasts whole cycles of it, and turns the column current into a code.
/// </summary>
public sealed class AdcBank
{
    private readonly BlockSite? _site;
    private readonly int _convert;

    public AdcBank(CostContext costs, BlockSite? site = null)
    {
        var spec = costs.Spec;
        Spec = spec.Periphery.Adc;
        PeriodPs = costs.PeriodPs(BlockKinds.Adc);
        Adc = Spec.Type.Create(Spec, costs.Library, 1e12 / Math.Max(PeriodPs, 1));
        FixedEnergyJ = costs.FixedEnergy(BlockKinds.Adc);
        Cycles = costs.Cycles(BlockKinds.Adc, costs.Latency(BlockKinds.Adc, Adc.ConversionLatencyPs));
        AreaUm2 = costs.Area(BlockKinds.Adc, Adc.AreaUm2);
        ReadVoltageV = spec.Device.Card.ReadVoltageV;
        CurrentInConverter = FixedEnergyJ is null && Adc.Convention == ColumnCurrentConvention.InConverter;
        var model = Adc.Model;
        Warning = AdcLimits.Check(FixedEnergyJ ?? model.Cost(model.Actions[0]).EnergyJ, Adc.Bits, FixedEnergyJ is null ? $"{model.Kind} ({model.Profile})" : "adc (costs override)");
        Source = costs.Source(BlockKinds.Adc, costs.ProfileSource);
        PerArray = spec.Array.Cols / Spec.ColumnsPerAdc;
        _site = site;
        _convert = site?.Ledger.Action("convert") ?? -1;
    }

    public AdcSpec Spec { get; }

    public IAdc Adc { get; }

    /// <summary>A user-fixed energy per conversion; null when the converter's model (with its column term) applies.</summary>
    public double? FixedEnergyJ { get; }

    public int Cycles { get; }

    public long PeriodPs { get; }

    public double AreaUm2 { get; }

    public double ReadVoltageV { get; }

    /// <summary>True when a conversion's energy carries the column current.</summary>
    public bool CurrentInConverter { get; }

    /// <summary>The physical-limit warning of the configured converter, or null when it is plausible.</summary>
    public string? Warning { get; }

    public string Source { get; }

    /// <summary>Converters per array: the columns divided by the columns each converter serves.</summary>
    public int PerArray { get; }

    /// <summary>One conversion of a column whose driven cells conduct <paramref name="columnConductanceS"/> in total.</summary>
    public double ConversionEnergyJ(double columnConductanceS) =>
        FixedEnergyJ ?? Adc.ConversionEnergyJ(columnConductanceS, ReadVoltageV);

    /// <summary><see cref="ConversionEnergyJ"/> of each column in turn (one call for the columns of a read).</summary>
    public void ConversionEnergiesJ(ReadOnlySpan<double> columnConductancesS, Span<double> energiesJ)
    {
        if (FixedEnergyJ is double same)
        {
            energiesJ[..columnConductancesS.Length].Fill(same);
            return;
        }

        Adc.ConversionEnergiesJ(columnConductancesS, ReadVoltageV, energiesJ);
    }

    /// <summary>
    /// Converts column <paramref name="col"/> of <paramref name="macro"/>, read as <paramref name="read"/>, and adds its
    /// value (code × step, in weight·input units, times <paramref name="planeWeight"/>) to <paramref name="output"/>.
    /// </summary>
    public IEnumerable<Wait> Convert(Macro macro, int col, ColumnRead read, LayerScale scale, double planeWeight, double[] output)
    {
        var site = _site ?? throw new InvalidOperationException("the ADCs have no site: built for costing only");
        using var adc = macro.Adcs.Request();
        yield return adc;
        long edge = site.ToEdge();
        if (edge > 0)
        {
            yield return site.Sim.Timeout(edge);
        }

        long convertPs = site.Ticks(Cycles);
        site.Ledger.Charge(macro.AdcComponent, _convert, 1, ConversionEnergyJ(read.ConductanceS), site.Sim.Now, convertPs);
        if (convertPs > 0)
        {
            yield return site.Sim.Timeout(convertPs);
        }

        Quantize(macro.Crossbar.ColStart + col, read.SignedCurrentA, scale, planeWeight, output);
    }

    /// <summary>The ADCs' clock site (their domain's edges).</summary>
    internal BlockSite Site => _site ?? throw new InvalidOperationException("the ADCs have no site: built for costing only");

    /// <summary>Ticks one conversion lasts on the ADC clock.</summary>
    public long ConvertPs => (_site ?? throw new InvalidOperationException("the ADCs have no site: built for costing only")).Ticks(Cycles);

    /// <summary>
    /// The energy of converting each of the first <c>energiesJ.Length</c> columns of <paramref name="macro"/> after its
    /// last whole-array read: one <see cref="ConversionEnergyJ"/> per column, as <see cref="Convert"/> charges it. Reads
    /// the crossbar only, so the macros of a whole-layer read can take theirs in parallel before the rounds charge them.
    /// </summary>
    internal void ConversionEnergiesJ(Macro macro, Span<double> energiesJ)
    {
        var crossbar = macro.Crossbar;
        for (int i = 0; i < energiesJ.Length; i++)
        {
            energiesJ[i] = ConversionEnergyJ(crossbar.ColumnConductanceS(i));
        }
    }

    /// <summary>Charges conversions of <paramref name="macro"/> of the given energies, in order, starting now, with one ledger lookup.</summary>
    internal void ChargeEach(Macro macro, ReadOnlySpan<double> energiesJ, long convertPs)
    {
        var site = _site!;
        site.Ledger.ChargeEach(ref macro.ConvertSlot, macro.AdcComponent, _convert, energiesJ, site.Sim.Now, convertPs);
    }

    /// <summary>
    /// Charges the conversions of columns read as <paramref name="reads"/>, in order, starting now: one
    /// <see cref="ConversionEnergyJ"/> per column, as <see cref="Convert"/> charges it, with one ledger lookup (a read of
    /// a few columns hands them over rather than keeping them in the crossbar).
    /// </summary>
    internal void ChargeEach(Macro macro, ReadOnlySpan<ColumnRead> reads, long convertPs, Span<double> energiesJ) =>
        ChargeEach(ref macro.ConvertSlot, macro.AdcComponent, reads, convertPs, energiesJ);

    /// <summary>
    /// <see cref="ChargeEach(Macro, ReadOnlySpan{ColumnRead}, long, Span{double})"/> at ledger component
    /// <paramref name="component"/> (a macro's ADCs) through the slot the caller keeps for it.
    /// </summary>
    internal void ChargeEach(ref LedgerSlot slot, int component, ReadOnlySpan<ColumnRead> reads, long convertPs, Span<double> energiesJ)
    {
        var site = _site!;
        var energies = energiesJ[..reads.Length];
        for (int i = 0; i < reads.Length; i++)
        {
            energies[i] = ConversionEnergyJ(reads[i].ConductanceS);
        }

        site.Ledger.ChargeEach(ref slot, component, _convert, energies, site.Sim.Now, convertPs);
    }

    /// <summary>
    /// <see cref="Quantize"/> for the columns [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="macro"/>
    /// in order, with the read's code step and scale taken once.
    /// </summary>
    /// <param name="signedA">Scratch of at least the array's columns, for the combined column currents.</param>
    internal void QuantizeRange(Macro macro, int first, int end, LayerScale scale, double planeWeight, double[] output, Span<double> signedA)
    {
        var crossbar = macro.Crossbar;
        var currents = signedA[first..end];
        crossbar.SignedCurrentsA(first, scale.Signs, currents);
        QuantizeEach(currents, crossbar.ColStart + first, scale, planeWeight, output);
    }

    /// <summary>
    /// The codes of the columns whose signed currents are <paramref name="signedA"/>, feeding the outputs from
    /// <paramref name="firstOutput"/> on (the layer's) in order, each added to its output as <see cref="Quantize"/> adds it.
    /// </summary>
    internal void QuantizeEach(ReadOnlySpan<double> signedA, int firstOutput, LayerScale scale, double planeWeight, double[] output)
    {
        double step = scale.CodeStepA;
        double perWeight = ReadVoltageV * scale.SiemensPerWeight;
        var fields = output.AsSpan(firstOutput, signedA.Length);
        Span<int> codes = signedA.Length <= 1024 ? stackalloc int[signedA.Length] : new int[signedA.Length];
        Adc.QuantizeEach(signedA, step, codes);
        AddCodes(codes, step, perWeight, planeWeight, fields);
    }

    // fields[i] += planeWeight · (codes[i] · step / perWeight), four at a time where AVX is there (the same operations
    // lane by lane, so the same bits).
    internal static void AddCodes(ReadOnlySpan<int> codes, double step, double perWeight, double planeWeight, Span<double> fields)
    {
        int i = 0;
        if (Avx.IsSupported)
        {
            var stepV = Vector256.Create(step);
            var perWeightV = Vector256.Create(perWeight);
            var planeWeightV = Vector256.Create(planeWeight);
            ref int from = ref MemoryMarshal.GetReference(codes);
            ref double to = ref MemoryMarshal.GetReference(fields);
            for (; i + 4 <= codes.Length; i += 4)
            {
                var code = Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref from, (nuint)i));
                (Vector256.LoadUnsafe(ref to, (nuint)i) + (planeWeightV * (code * stepV / perWeightV))).StoreUnsafe(ref to, (nuint)i);
            }
        }

        for (; i < codes.Length; i++)
        {
            fields[i] += planeWeight * (codes[i] * step / perWeight);
        }
    }

    /// <summary>
    /// The code of the column feeding output <paramref name="outputIndex"/> (the layer's), whose signed current is
    /// <paramref name="signedCurrentA"/>, at the end of its conversion, added to that output in input·weight units.
    /// </summary>
    internal void Quantize(int outputIndex, double signedCurrentA, LayerScale scale, double planeWeight, double[] output)
    {
        double step = scale.CodeStepA;
        int code = Adc.Quantize(signedCurrentA, step);
        output[outputIndex] += planeWeight * (code * step / (ReadVoltageV * scale.SiemensPerWeight));
    }

    public CostRow Row() =>
        new(BlockKinds.Adc, "convert", $"{Adc.Type}, {Adc.Bits} bit", ConversionEnergyJ(0), CurrentInConverter ? "+ column term" : Adc.Type == SenseAmpAdcType.TypeName ? "+ 0.31 fJ per ON cell" : "", Cycles, PeriodPs, AreaUm2, Source);
}
