using Engram.Components.Blocks.Adc;

namespace Engram.Components.Arch;

/// <summary><c>periphery.adc</c>: the converters of every array: type, resolution, sharing and range.</summary>
/// <param name="Type">A registered ADC type (<see cref="AdcTypes"/>).</param>
/// <param name="ColumnsPerAdc">Columns sharing one converter: their conversions queue for it.</param>
public sealed record AdcSpec(IAdcType Type, int Bits, int ColumnsPerAdc)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("periphery.adc.type", "—", "a registered ADC type: `sar` \\| `flash` \\| `sense_amp`", "—", "ADC architecture (`sense_amp`: a 1-bit comparator; `isaac` profile: SAR only)"),
        new("periphery.adc.bits", "bits", "[1, 16]", "—", "resolution (`flash` ≤ 12; `sense_amp` = 1; `isaac` profile: SAR of 4..10)"),
        new("periphery.adc.columns_per_adc", "—", "≥ 1, divides `cols`", "—", "columns sharing one ADC (conversions serialize)"),
        new("periphery.adc.full_scale_fraction", "—", "list of (0, 1]", "`[1]`", "ADC range as a fraction of the largest possible column current; one value for all layers or one per layer"),
    ];

    /// <summary>
    /// ADC full scale as a fraction of the largest current a column can carry (every row at the extreme
    /// weight). 1 never clips but spends codes on sums that never occur; smaller values clip large sums.
    /// </summary>
    public double FullScaleFraction { get; init; } = 1;

    /// <summary>Per-layer full-scale fractions (a multilayer net's layers see very different sums); overrides <see cref="FullScaleFraction"/>.</summary>
    public IReadOnlyList<double>? FullScaleFractionByLayer { get; init; }

    public double FullScaleFractionOf(int layer) =>
        FullScaleFractionByLayer is { } list && layer < list.Count ? list[layer] : FullScaleFraction;

    // The type is a registered instance: two specs are equal when they name the same type.
    public bool Equals(AdcSpec? other) =>
        other is not null && Type.Name == other.Type.Name && Bits == other.Bits && ColumnsPerAdc == other.ColumnsPerAdc &&
        FullScaleFraction.Equals(other.FullScaleFraction) &&
        (FullScaleFractionByLayer ?? []).SequenceEqual(other.FullScaleFractionByLayer ?? []);

    public override int GetHashCode() => HashCode.Combine(Type.Name, Bits, ColumnsPerAdc, FullScaleFraction);

    public static AdcSpec Read(ArchMap adc, ArraySpec array, string costProfile)
    {
        adc.EnsureOnlyKeys("type", "bits", "columns_per_adc", "full_scale_fraction");
        string typeName = adc.RequireString("type");
        if (!AdcTypes.TryGet(typeName, out var type))
        {
            throw adc.ErrorAt("type", $"expected one of {string.Join(", ", AdcTypes.Names)}, got '{typeName}'");
        }

        int bits = adc.RequireInt("bits", 1, 16);
        int columnsPerAdc = adc.RequireInt("columns_per_adc", 1);
        var fullScale = adc.OptionalDoubleList("full_scale_fraction", 1e-6, 1, minCount: 1);
        adc.EnsureNoUnknownKeys();
        if (array.Cols % columnsPerAdc != 0)
        {
            throw adc.ErrorAt("columns_per_adc", $"must divide tiles.array.cols ({array.Cols}), got {columnsPerAdc}");
        }

        var spec = new AdcSpec(type, bits, columnsPerAdc) { FullScaleFraction = fullScale?[0] ?? 1, FullScaleFractionByLayer = fullScale };
        if (type.Check(spec, costProfile) is { } problem)
        {
            throw adc.ErrorAt(problem.Key, problem.Message);
        }

        return spec;
    }
}
