namespace Engram.Components.Arch;

/// <summary><c>technology</c>: the CMOS node of the periphery and its supply.</summary>
public sealed record TechnologySpec(double NodeNm, double VddV)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("technology.node_nm", "nm", "[7, 130]", "—", "CMOS node of the periphery (Stillmaker–Baas scaling range)"),
        new("technology.vdd_v", "V", "(0, 5]", "—", "supply"),
    ];

    public static TechnologySpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("node_nm", "vdd_v");
        double node = map.RequireDouble("node_nm", 7, 130);
        double vdd = map.RequireQuantity("vdd_v", "V", 0, 5);
        if (!(vdd > 0))
        {
            throw map.ErrorAt("vdd_v", "must be in (0, 5], got 0");
        }

        map.EnsureNoUnknownKeys();
        return new TechnologySpec(node, vdd);
    }
}
