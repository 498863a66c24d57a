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
        new("devices.pulse_response.<key>", "—", "the card's `pulse_response` keys", "the card's", "replaces pulse-response values of the card (e.g. `up_down`, `w_min`, `w_max`, `dw_min_dtod`), so a sweep can walk a device's asymmetry"),
    ];

    public static DeviceSpec Read(ArchMap map, string chipFile)
    {
        map.EnsureOnlyKeys("card", "mapping", "pulse_response");
        string card = map.RequireString("card");
        string mappingName = map.RequireString("mapping");
        var overrides = map.OptionalMap("pulse_response");
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

        // The card's own errors keep the card's file:line:column; an override's errors the chip's.
        var loaded = DeviceCardLoader.Load(resolved);
        if (overrides is not null)
        {
            var response = DeviceCardLoader.ReadPulseResponse(overrides, loaded.PulseResponse);
            try
            {
                response.Validate();
            }
            catch (ArgumentException ex)
            {
                throw overrides.Error(ex.Message);
            }

            loaded = loaded with { PulseResponse = response };
        }

        return new DeviceSpec(resolved, loaded, mapping);
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
