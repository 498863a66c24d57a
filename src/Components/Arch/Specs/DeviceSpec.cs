using Engram.Components.Blocks.Crossbar;
using Engram.Models.Devices;

namespace Engram.Components.Arch;

/// <summary><c>devices</c>: the device card and how signed weights sit on it.</summary>
public sealed record DeviceSpec(string CardPath, DeviceCard Card, IWeightMapping Mapping)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("devices.card", "path", "file must exist", "—", "device card; a relative path is relative to the chip file's folder"),
        new("devices.mapping", "—", "a registered weight mapping: `differential` \\| `reference_column`", "—", "signed weights: G⁺ − G⁻ on twin arrays, or one device against a mid-range reference column"),
    ];

    public static DeviceSpec Read(ArchMap map, string chipFile)
    {
        map.EnsureOnlyKeys("card", "mapping");
        string card = map.RequireString("card");
        string mappingName = map.RequireString("mapping");
        map.EnsureNoUnknownKeys();
        if (!WeightMappings.TryGet(mappingName, out var mapping))
        {
            throw map.ErrorAt("mapping", $"expected one of {string.Join(", ", WeightMappings.Names)}, got '{mappingName}'");
        }

        if (string.IsNullOrWhiteSpace(card))
        {
            throw map.ErrorAt("card", "must name a device card file");
        }

        string resolved = ResolveCard(chipFile, card);
        if (!File.Exists(resolved))
        {
            throw map.ErrorAt("card", $"device card file not found: {resolved}");
        }

        // The card's own errors keep the card's file:line:column.
        return new DeviceSpec(resolved, DeviceCardLoader.Load(resolved), mapping);
    }

    /// <summary>A relative card path is relative to the chip file's folder (the working folder when it has none).</summary>
    public static string ResolveCard(string chipFile, string card)
    {
        if (Path.IsPathRooted(card))
        {
            return Path.GetFullPath(card);
        }

        string folder = Path.GetDirectoryName(Path.GetFullPath(chipFile)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(folder, card));
    }
}
