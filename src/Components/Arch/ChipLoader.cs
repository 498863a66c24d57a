using System.Globalization;
using Engram.Models.Costs;

namespace Engram.Components.Arch;

/// <summary>
/// Loads a chip (<c>arch/chips/*.yaml</c>) into a validated <see cref="ChipSpec"/>. Strict like the device-card
/// reader: unknown keys, wrong types, out-of-range values, inconsistent combinations, a network that does not
/// fit the arrays and a chip too large to simulate in memory are all <see cref="ArchException"/>s naming file,
/// line, column and key path. The schema is documented in <c>arch/README.md</c>.
/// </summary>
public static class ChipLoader
{
    /// <summary>Fraction of the memory available to the process that the device arrays may take.</summary>
    public const double MemoryBudgetFraction = 0.5;

    /// <summary>Component kinds a <c>costs:</c> entry may override, with what one action of each is.</summary>
    public static readonly IReadOnlyDictionary<string, string> OverrideKinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cell_read"] = "per conducting cell per read",
        ["row_driver"] = "per row per read",
        ["adc"] = "per conversion",
        ["neuron"] = "per activation",
        ["register"] = "per bit written",
        ["adder_tree"] = "per reduction",
        ["shift_add"] = "per operation",
        ["wire"] = "per bit per hop",
        ["controller"] = "per issue",
    };

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
        root.EnsureOnlyKeys("name", "technology", "clocks", "devices", "tiles", "periphery", "controller", "interconnect", "network", "cost_profile", "costs");
        string name = root.RequireString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw root.ErrorAt("name", "must not be empty");
        }

        var technology = ReadTechnology(root.RequireMap("technology"));
        var clock = ReadClock(root.RequireMap("clocks"));
        var device = ReadDevices(root.RequireMap("devices"), document.File);
        var (tiles, array) = ReadTiles(root.RequireMap("tiles"));
        var (peripherySpec, adcMap) = ReadPeriphery(root.RequireMap("periphery"), array);
        var controller = ReadController(root.RequireMap("controller"));
        var interconnect = ReadInterconnect(root.RequireMap("interconnect"));
        var networkSection = root.RequireMap("network");
        var network = ReadNetwork(networkSection);

        string profile = root.RequireString("cost_profile");
        if (!CostLibrary.Profiles.Contains(profile))
        {
            throw root.ErrorAt("cost_profile", $"expected one of {string.Join(", ", CostLibrary.Profiles)}, got '{profile}'");
        }

        if (profile == CostLibrary.Isaac)
        {
            if (peripherySpec.AdcType != AdcType.Sar)
            {
                throw adcMap.ErrorAt("type", $"the isaac cost profile has only SAR ADCs (4..10 bits), got {ArchMapSnake(peripherySpec.AdcType)}");
            }

            if (peripherySpec.AdcBits is < 4 or > 10)
            {
                throw adcMap.ErrorAt("bits", $"the isaac cost profile has SAR ADCs of 4..10 bits only, got {peripherySpec.AdcBits}");
            }
        }

        var costsMap = root.OptionalMap("costs");
        root.EnsureNoUnknownKeys();
        var overrides = costsMap is null ? new Dictionary<string, CostOverride>() : ReadCosts(costsMap);

        int layers = network.Kind == NetworkKind.Multilayer ? 2 : 1;
        if (peripherySpec.AdcFullScaleFractionByLayer is { Count: > 1 } fractions && fractions.Count != layers)
        {
            throw adcMap.ErrorAt("full_scale_fraction", $"give one fraction for all layers or one per layer ({layers}), got {fractions.Count}");
        }

        var fit = ChipFit.Of(network, array, tiles, device.Mapping);
        if (!fit.Fits)
        {
            throw networkSection.ErrorAt("neurons",
                $"the network does not fit the arrays: it needs {fit.PhysicalArraysNeeded} physical {array.Rows}x{array.Cols} arrays " +
                $"({fit.Blocks} weight block(s) x {fit.ArraysPerBlock} for {ArchMapSnake(device.Mapping)} mapping) " +
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
            CostProfile = profile,
            CostOverrides = overrides,
        };
    }

    /// <summary>Why the device arrays of <paramref name="fit"/> would not fit in <paramref name="memoryBudgetBytes"/>, or null when they do.</summary>
    public static string? OverBudget(ChipFit fit, long memoryBudgetBytes) =>
        fit.EstimatedBytes <= memoryBudgetBytes
            ? null
            : $"the device arrays would take about {FormatBytes(fit.EstimatedBytes)} ({fit.Cells} cells x {ChipFit.BytesPerCell} B), " +
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
        var fit = ChipFit.Of(network, spec.Array, spec.Tiles, spec.Device.Mapping);
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

    private static TechnologySpec ReadTechnology(ArchMap map)
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

    private static ClockSpec ReadClock(ArchMap map)
    {
        map.EnsureOnlyKeys("period_ps");
        var spec = new ClockSpec(map.RequireLong("period_ps", 1));
        map.EnsureNoUnknownKeys();
        return spec;
    }

    private static DeviceSpec ReadDevices(ArchMap map, string chipFile)
    {
        map.EnsureOnlyKeys("card", "mapping");
        string card = map.RequireString("card");
        var mapping = map.RequireEnum<WeightMapping>("mapping");
        map.EnsureNoUnknownKeys();
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

    private static (TilesSpec Tiles, ArraySpec Array) ReadTiles(ArchMap map)
    {
        map.EnsureOnlyKeys("count", "arrays_per_tile", "array");
        int count = map.RequireInt("count", 1);
        int perTile = map.RequireInt("arrays_per_tile", 1);
        var arrayMap = map.RequireMap("array");
        arrayMap.EnsureOnlyKeys("rows", "cols");
        var array = new ArraySpec(arrayMap.RequireInt("rows", 1, 4096), arrayMap.RequireInt("cols", 1, 4096));
        arrayMap.EnsureNoUnknownKeys();
        map.EnsureNoUnknownKeys();
        return (new TilesSpec(count, perTile), array);
    }

    private static (PeripherySpec Spec, ArchMap Adc) ReadPeriphery(ArchMap map, ArraySpec array)
    {
        map.EnsureOnlyKeys("dac_bits", "adc", "read_pulse_ps", "neuron", "state_register_bits", "unselected_columns_conduct");
        int dacBits = map.RequireInt("dac_bits", 1, 8);
        var adc = map.RequireMap("adc");
        adc.EnsureOnlyKeys("type", "bits", "columns_per_adc", "full_scale_fraction");
        var adcType = adc.RequireEnum<AdcType>("type");
        int adcBits = adc.RequireInt("bits", 1, 16);
        int columnsPerAdc = adc.RequireInt("columns_per_adc", 1);
        var fullScale = adc.OptionalDoubleList("full_scale_fraction", 1e-6, 1, minCount: 1);
        adc.EnsureNoUnknownKeys();
        if (array.Cols % columnsPerAdc != 0)
        {
            throw adc.ErrorAt("columns_per_adc", $"must divide tiles.array.cols ({array.Cols}), got {columnsPerAdc}");
        }

        long readPulse = map.RequireLong("read_pulse_ps", 1);
        var neuron = map.RequireEnum<NeuronFunction>("neuron");
        int registerBits = map.RequireInt("state_register_bits", 1, 32);
        bool unselectedConduct = map.OptionalBool("unselected_columns_conduct", true);
        map.EnsureNoUnknownKeys();
        if (neuron == NeuronFunction.Tanh && dacBits < 2)
        {
            throw map.ErrorAt("dac_bits", $"tanh neurons drive continuous states and need dac_bits >= 2, got {dacBits}");
        }

        var spec = new PeripherySpec(dacBits, adcType, adcBits, columnsPerAdc, readPulse, neuron, registerBits, unselectedConduct)
        {
            AdcFullScaleFraction = fullScale?[0] ?? 1,
            AdcFullScaleFractionByLayer = fullScale,
        };
        return (spec, adc);
    }

    private static ControllerSpec ReadController(ArchMap map)
    {
        map.EnsureOnlyKeys("schedule", "order", "max_iterations", "placement", "issue_cycles", "issue_energy_j",
            "host_round_trip_ps", "host_round_trip_energy_j", "area_um2");
        var schedule = map.RequireEnum<Schedule>("schedule");
        var order = map.RequireEnum<UpdateOrder>("order");
        int maxIterations = map.RequireInt("max_iterations", 1, 1_000_000);
        var placement = map.RequireEnum<ControllerPlacement>("placement");
        int issueCycles = map.RequireInt("issue_cycles", 0);
        double issueEnergy = map.RequireQuantity("issue_energy_j", "J", 0);
        long roundTrip = map.OptionalLong("host_round_trip_ps", 0, 0);
        double roundTripEnergy = map.OptionalQuantity("host_round_trip_energy_j", "J", 0, 0);
        double area = map.RequireDouble("area_um2", 0);
        map.EnsureNoUnknownKeys();
        if (placement == ControllerPlacement.OffChip && roundTrip <= 0)
        {
            throw map.ErrorAt("host_round_trip_ps", "must be > 0 when placement is off_chip (every step pays a host round trip)");
        }

        return new ControllerSpec(schedule, order, maxIterations, placement, issueCycles, issueEnergy, roundTrip, roundTripEnergy, area);
    }

    private static InterconnectSpec ReadInterconnect(ArchMap map)
    {
        map.EnsureOnlyKeys("hop_length_um", "partial_sum_bits", "hop_cycles");
        var spec = new InterconnectSpec(
            map.RequireDouble("hop_length_um", 0),
            map.RequireInt("partial_sum_bits", 1, 64),
            map.RequireInt("hop_cycles", 0));
        map.EnsureNoUnknownKeys();
        return spec;
    }

    private static NetworkSpec ReadNetwork(ArchMap map)
    {
        map.EnsureOnlyKeys("kind", "neurons", "hidden");
        var kind = map.RequireEnum<NetworkKind>("kind");
        int neurons = map.RequireInt("neurons", 1);
        int hidden = 0;
        if (kind == NetworkKind.Multilayer)
        {
            hidden = map.RequireInt("hidden", 1);
        }
        else if (map.Has("hidden"))
        {
            throw map.ErrorAt("hidden", "only a multilayer network has hidden neurons; remove it or set kind: multilayer");
        }

        map.EnsureNoUnknownKeys();
        return new NetworkSpec(kind, neurons, hidden);
    }

    private static Dictionary<string, CostOverride> ReadCosts(ArchMap map)
    {
        var result = new Dictionary<string, CostOverride>(StringComparer.Ordinal);
        map.EnsureOnlyKeys([.. OverrideKinds.Keys]);
        var present = new List<(string Kind, ArchMap Map)>();
        foreach (string kind in OverrideKinds.Keys)
        {
            if (map.OptionalMap(kind) is { } entry)
            {
                present.Add((kind, entry));
            }
        }

        map.EnsureNoUnknownKeys();
        foreach (string key in map.Keys)
        {
            var entry = present.First(p => p.Kind == key).Map;
            entry.EnsureOnlyKeys("energy_j", "latency_ps", "area_um2", "source");
            double? energy = entry.Has("energy_j") ? entry.RequireQuantity("energy_j", "J", 0) : null;
            double? latency = entry.Has("latency_ps") ? entry.RequireDouble("latency_ps", 0) : null;
            double? area = entry.Has("area_um2") ? entry.RequireDouble("area_um2", 0) : null;
            string source = entry.RequireString("source");
            entry.EnsureNoUnknownKeys();
            if (string.IsNullOrWhiteSpace(source))
            {
                throw entry.ErrorAt("source", "must say where the figures come from");
            }

            if (energy is null && latency is null && area is null)
            {
                throw entry.Error("an override needs at least one of energy_j, latency_ps, area_um2");
            }

            result[key] = new CostOverride(energy, latency, area, source);
        }

        return result;
    }

    private static string ArchMapSnake<TEnum>(TEnum value)
        where TEnum : struct, Enum => ArchMap.SnakeCase(value.ToString());
}
