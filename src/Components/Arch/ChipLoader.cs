using System.Globalization;
using Engram.Models.Costs;

namespace Engram.Components.Arch;

/// <summary>
/// Loads a chip (<c>arch/chips/*.yaml</c>) into a validated <see cref="ChipSpec"/>. Strict like the device-card
/// reader: unknown keys, wrong types, out-of-range values, inconsistent combinations, a network that does not
/// fit the arrays and a chip too large to simulate in memory are all <see cref="ArchException"/>s naming file,
/// line, column and key path. The schema is documented in <c>docs/chip-schema.md</c>, generated from the section records.
/// </summary>
public static class ChipLoader
{
    /// <summary>Fraction of the memory available to the process that the device arrays may take.</summary>
    public const double MemoryBudgetFraction = 0.5;

    /// <summary>50 % of <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>.</summary>
    public static long DefaultMemoryBudgetBytes => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * MemoryBudgetFraction);

    public static ChipSpec Load(string path) => Load(path, DefaultMemoryBudgetBytes);

    /// <param name="memoryBudgetBytes">Largest estimated device-array memory accepted (see <see cref="ChipFit"/>).</param>
    public static ChipSpec Load(string path, long memoryBudgetBytes) => Read(ArchDocument.Load(path), memoryBudgetBytes);

    /// <summary>Parses chip YAML; <paramref name="file"/> names it in errors and anchors a relative <c>devices.card</c>.</summary>
    public static ChipSpec Parse(string file, string yaml) => Parse(file, yaml, DefaultMemoryBudgetBytes);

    public static ChipSpec Parse(string file, string yaml, long memoryBudgetBytes)
    {
        using var reader = new StringReader(yaml);
        return Read(ArchDocument.Parse(file, reader), memoryBudgetBytes);
    }

    /// <summary>True when the document's top-level keys are a chip's rather than a device card's.</summary>
    public static bool IsChip(ArchDocument document)
    {
        var keys = document.Root.Keys;
        return keys.Contains("tiles") || keys.Contains("devices") || keys.Contains("periphery") || keys.Contains("network") ||
               !(keys.Contains("conductance") || keys.Contains("pulse_response"));
    }

    public static ChipSpec Read(ArchDocument document, long memoryBudgetBytes)
    {
        var root = document.Root;
        root.EnsureOnlyKeys("name", "technology", "clocks", "devices", "tiles", "periphery", "controller", "interconnect", "network", "training", "cost_profile", "costs");
        string name = root.RequireString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.ErrorAt("name", "must not be empty");
        }

        string profile = root.RequireString("cost_profile");
        if (!CostLibrary.Profiles.Contains(profile))
        {
            throw root.ErrorAt("cost_profile", $"expected one of {string.Join(", ", CostLibrary.Profiles)}, got '{profile}'");
        }

        var technology = TechnologySpec.Read(root.RequireMap("technology"));
        var clock = ClockSpec.Read(root.RequireMap("clocks"));
        var device = DeviceSpec.Read(root.RequireMap("devices"), document.File);
        var (tiles, array) = TilesSpec.Read(root.RequireMap("tiles"));
        var (peripherySpec, adcMap) = PeripherySpec.Read(root.RequireMap("periphery"), array, profile);
        var controller = ControllerSpec.Read(root.RequireMap("controller"));
        var interconnect = InterconnectSpec.Read(root.RequireMap("interconnect"));
        var networkSection = root.RequireMap("network");
        var network = NetworkSpec.Read(networkSection);
        var training = root.OptionalMap("training") is { } trainingMap ? TrainingSpec.Read(trainingMap) : null;
        var costsMap = root.OptionalMap("costs");
        root.EnsureNoUnknownKeys();
        var overrides = costsMap is null ? new Dictionary<string, CostOverride>() : CostOverride.ReadAll(costsMap);

        if (peripherySpec.Adc.FullScaleFractionByLayer is { Count: > 1 } fractions && fractions.Count != network.Layers)
        {
            throw adcMap.ErrorAt("full_scale_fraction", $"give one fraction for all layers or one per layer ({network.Layers}), got {fractions.Count}");
        }

        var fit = ChipFit.Of(network, array, tiles, device.Mapping, device.Card);
        if (!fit.Fits)
        {
            throw networkSection.ErrorAt("neurons",
                $"the network does not fit the arrays: it needs {fit.PhysicalArraysNeeded} physical {array.Rows}x{array.Cols} arrays " +
                $"({fit.Blocks} weight block(s) x {fit.ArraysPerBlock} for {device.Mapping.Name} mapping) " +
                $"but the chip has {fit.PhysicalArraysAvailable} (tiles.count {tiles.Count} x tiles.arrays_per_tile {tiles.ArraysPerTile})");
        }

        if (OverBudget(fit, memoryBudgetBytes) is { } tooLarge)
        {
            throw networkSection.ErrorAt("neurons", tooLarge);
        }

        return new ChipSpec
        {
            Name = name,
            File = document.File,
            Technology = technology,
            Clock = clock,
            Device = device,
            Array = array,
            Tiles = tiles,
            Periphery = peripherySpec,
            Controller = controller,
            Interconnect = interconnect,
            Network = network,
            Training = training,
            CostProfile = profile,
            CostOverrides = overrides,
        };
    }

    /// <summary>Why the device arrays of <paramref name="fit"/> would not fit in <paramref name="memoryBudgetBytes"/>, or null when they do.</summary>
    public static string? OverBudget(ChipFit fit, long memoryBudgetBytes) =>
        fit.EstimatedBytes <= memoryBudgetBytes
            ? null
            : $"the device arrays would take about {FormatBytes(fit.EstimatedBytes)} ({fit.Cells} cells x {fit.BytesPerCell} B), " +
              $"more than the memory budget of {FormatBytes(memoryBudgetBytes)} ({MemoryBudgetFraction:P0} of the memory available); " +
              "use a smaller network or a machine with more memory";

    /// <summary>
    /// The same chip design carrying <paramref name="neurons"/> neurons, with tiles added until the network fits;
    /// throws <see cref="ArgumentException"/> when its device state would exceed the memory budget.
    /// </summary>
    public static ChipSpec WithNeurons(ChipSpec spec, int neurons, long memoryBudgetBytes)
    {
        if (neurons < 1)
        {
            throw new ArgumentException($"neurons must be at least 1, got {neurons}");
        }

        var network = spec.Network with { Neurons = neurons };
        var fit = ChipFit.Of(network, spec.Array, spec.Tiles, spec.Device.Mapping, spec.Device.Card);
        long tiles = Math.Max(spec.Tiles.Count, (fit.PhysicalArraysNeeded + spec.Tiles.ArraysPerTile - 1) / spec.Tiles.ArraysPerTile);
        var scaled = spec with { Network = network, Tiles = spec.Tiles with { Count = checked((int)tiles) } };
        return OverBudget(ChipFit.Of(scaled), memoryBudgetBytes) is { } tooLarge ? throw new ArgumentException($"{neurons} neurons: {tooLarge}") : scaled;
    }

    public static string FormatBytes(long bytes)
    {
        var c = CultureInfo.InvariantCulture;
        return bytes switch
        {
            >= 1L << 30 => string.Create(c, $"{bytes / (double)(1L << 30):0.##} GiB"),
            >= 1L << 20 => string.Create(c, $"{bytes / (double)(1L << 20):0.##} MiB"),
            >= 1L << 10 => string.Create(c, $"{bytes / (double)(1L << 10):0.##} KiB"),
            _ => string.Create(c, $"{bytes} B"),
        };
    }
}
