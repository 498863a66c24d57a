using Engram.Models.Devices;

namespace Engram.Components.Arch;

/// <summary>
/// Loads a device card (<c>arch/devices/*.yaml</c>) into <see cref="DeviceCard"/>. Strict: unknown keys, wrong
/// types, out-of-range values and inconsistent combinations are errors naming file, line and key path.
/// Pulse-response keys are aihwkit's parameter names; model-specific keys are accepted only for their model.
/// </summary>
public static class DeviceCardLoader
{
    public static DeviceCard Load(string path) => Read(ArchDocument.Load(path));

    public static DeviceCard Parse(string file, string yaml)
    {
        using var reader = new StringReader(yaml);
        return Read(ArchDocument.Parse(file, reader));
    }

    public static DeviceCard Read(ArchDocument document)
    {
        var root = document.Root;
        string name = root.RequireString("name");
        string description = root.OptionalString("description", "");

        var conductance = root.RequireMap("conductance");
        double gmin = conductance.RequireQuantity("gmin_s", "S", 0, 1);
        double gmax = conductance.RequireQuantity("gmax_s", "S", 0, 1);
        if (!(gmax > gmin))
        {
            throw conductance.ErrorAt("gmax_s", $"must exceed gmin_s ({gmin:R}), got {gmax:R}");
        }

        int levels = conductance.OptionalInt("levels", 0, 0, 1 << 20);
        if (levels == 1)
        {
            throw conductance.ErrorAt("levels", "must be 0 (continuous) or at least 2, got 1");
        }

        conductance.EnsureNoUnknownKeys();

        var read = root.RequireMap("read");
        double readVoltage = read.RequireQuantity("voltage_v", "V", 1e-6, 100);
        double readNoise = read.OptionalDouble("noise_std_relative", 0, 0, 1);
        read.EnsureNoUnknownKeys();

        var programming = root.RequireMap("programming");
        double programmingNoise = programming.OptionalDouble("noise_std_fraction", 0, 0, 1);
        var pulseMap = programming.RequireMap("write_pulse");
        var writePulse = new WritePulseSpec(
            pulseMap.RequireQuantity("voltage_v", "V", 1e-6, 100),
            pulseMap.RequireLong("width_ps", 1, long.MaxValue));
        pulseMap.EnsureNoUnknownKeys();
        var verifyMap = programming.RequireMap("write_verify");
        var writeVerify = new WriteVerifySpec(
            verifyMap.RequireInt("max_pulses", 1, 1_000_000),
            verifyMap.RequireDouble("tolerance_fraction", 0, 1));
        verifyMap.EnsureNoUnknownKeys();
        programming.EnsureNoUnknownKeys();

        var faults = ReadFaults(root.OptionalMap("faults"));
        var drift = ReadDrift(root.OptionalMap("drift"));
        var pulseResponse = ReadPulseResponse(root.RequireMap("pulse_response"));

        var provenanceMap = root.OptionalMap("provenance");
        root.EnsureNoUnknownKeys();
        var sources = provenanceMap?.ReadStringMap() ?? new Dictionary<string, string>();
        foreach (string key in sources.Keys)
        {
            if (!document.ReadPaths.Contains(key) || key.StartsWith("provenance", StringComparison.Ordinal))
            {
                throw provenanceMap!.ErrorAt(key, "provenance names a key path the card does not have");
            }
        }

        var card = new DeviceCard
        {
            Name = name,
            Description = description,
            GminS = gmin,
            GmaxS = gmax,
            Levels = levels,
            ReadVoltageV = readVoltage,
            ReadNoiseStdRelative = readNoise,
            ProgrammingNoiseStdFraction = programmingNoise,
            Faults = faults,
            Drift = drift,
            PulseResponse = pulseResponse,
            WritePulse = writePulse,
            WriteVerify = writeVerify,
            Sources = sources,
        };

        try
        {
            card.Validate();
        }
        catch (ArgumentException e)
        {
            // Every rule is checked above with its location; this is the safety net for rules added to the record later.
            throw root.Error(e.Message);
        }

        return card;
    }

    private static StuckFaultSpec ReadFaults(ArchMap? map)
    {
        if (map is null)
        {
            return StuckFaultSpec.None;
        }

        var spec = new StuckFaultSpec(
            map.RequireDouble("rate", 0, 1),
            map.OptionalDouble("at_gmin_fraction", 1, 0, 1),
            map.OptionalDouble("at_gmax_fraction", 0, 0, 1),
            map.OptionalDouble("at_random_fraction", 0, 0, 1));
        map.EnsureNoUnknownKeys();
        double sum = spec.AtGminFraction + spec.AtGmaxFraction + spec.AtRandomFraction;
        if (Math.Abs(sum - 1) > 1e-9)
        {
            throw map.Error($"at_gmin_fraction + at_gmax_fraction + at_random_fraction must be 1, got {sum:R}");
        }

        return spec;
    }

    private static DriftSpec? ReadDrift(ArchMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var spec = new DriftSpec(
            map.RequireDouble("nu", 0, 10),
            map.OptionalDouble("nu_dtod", 0, 0, 10),
            map.RequireQuantity("t0_s", "s", 1e-15, double.MaxValue));
        map.EnsureNoUnknownKeys();
        return spec;
    }

    /// <summary>
    /// A card's <c>pulse_response</c>, or with <paramref name="basis"/> a chip's <c>devices.pulse_response</c>: the
    /// same keys, each replacing the card's value (so a sweep can walk a device's asymmetry without a new card).
    /// </summary>
    internal static PulseResponseSpec ReadPulseResponse(ArchMap map, PulseResponseSpec? basis = null)
    {
        var model = basis is null ? map.RequireEnum<PulseResponseKind>("model") : map.OptionalEnum("model", basis.Model);
        var d = basis is not null && basis.Model == model ? basis : new PulseResponseSpec();
        double wMin = map.OptionalDouble("w_min", d.WMin, double.MinValue, 0);
        double wMax = map.OptionalDouble("w_max", d.WMax, 0, double.MaxValue);
        if (!(wMax > wMin))
        {
            throw map.ErrorAt("w_max", $"must exceed w_min ({wMin:R}), got {wMax:R}");
        }

        var spec = new PulseResponseSpec
        {
            Model = model,
            DwMin = map.OptionalDouble("dw_min", d.DwMin, double.Epsilon, double.MaxValue),
            DwMinDtod = map.OptionalDouble("dw_min_dtod", d.DwMinDtod, 0, 100),
            DwMinDtodLogNormal = map.OptionalBool("dw_min_dtod_log_normal", d.DwMinDtodLogNormal),
            DwMinStd = map.OptionalDouble("dw_min_std", d.DwMinStd, 0, 1000),
            WMin = wMin,
            WMax = wMax,
            WMinDtod = map.OptionalDouble("w_min_dtod", d.WMinDtod, 0, 100),
            WMaxDtod = map.OptionalDouble("w_max_dtod", d.WMaxDtod, 0, 100),
            UpDown = map.OptionalDouble("up_down", d.UpDown, -1, 1),
            UpDownDtod = map.OptionalDouble("up_down_dtod", d.UpDownDtod, 0, 100),
            EnforceConsistency = map.OptionalBool("enforce_consistency", d.EnforceConsistency),
            CorruptDevicesProb = map.OptionalDouble("corrupt_devices_prob", d.CorruptDevicesProb, 0, 1),
            CorruptDevicesRange = map.OptionalDouble("corrupt_devices_range", d.CorruptDevicesRange, 0, double.MaxValue),
            WriteNoiseStd = map.OptionalDouble("write_noise_std", d.WriteNoiseStd, 0, double.MaxValue),
        };

        bool inherit = basis is not null && basis.Model == model;
        spec = model switch
        {
            PulseResponseKind.LinearStep => spec with { LinearStep = ReadLinearStep(map, inherit ? d.LinearStep : new LinearStepParameters()) },
            PulseResponseKind.SoftBounds => spec with { LinearStep = new LinearStepParameters { MultNoise = map.OptionalBool("mult_noise", !inherit || d.LinearStep.MultNoise) } },
            PulseResponseKind.ExpStep => spec with { ExpStep = ReadExpStep(map, inherit ? d.ExpStep : new ExpStepParameters()) },
            PulseResponseKind.PowStep => spec with { PowStep = ReadPowStep(map, inherit ? d.PowStep : new PowStepParameters()) },
            PulseResponseKind.PiecewiseStep => spec with { PiecewiseStep = inherit && !map.Has("piecewise_up") && !map.Has("piecewise_down") ? d.PiecewiseStep : ReadPiecewise(map) },
            _ => spec,
        };
        map.EnsureNoUnknownKeys();
        return spec;
    }

    private static LinearStepParameters ReadLinearStep(ArchMap map, LinearStepParameters d)
    {
        return new LinearStepParameters
        {
            GammaUp = map.OptionalDouble("gamma_up", d.GammaUp, -100, 100),
            GammaDown = map.OptionalDouble("gamma_down", d.GammaDown, -100, 100),
            GammaUpDtod = map.OptionalDouble("gamma_up_dtod", d.GammaUpDtod, 0, 100),
            GammaDownDtod = map.OptionalDouble("gamma_down_dtod", d.GammaDownDtod, 0, 100),
            AllowIncreasing = map.OptionalBool("allow_increasing", d.AllowIncreasing),
            MeanBoundReference = map.OptionalBool("mean_bound_reference", d.MeanBoundReference),
            MultNoise = map.OptionalBool("mult_noise", d.MultNoise),
        };
    }

    private static ExpStepParameters ReadExpStep(ArchMap map, ExpStepParameters d)
    {
        return new ExpStepParameters
        {
            AUp = map.OptionalDouble("a_up", d.AUp),
            ADown = map.OptionalDouble("a_down", d.ADown),
            GammaUp = map.OptionalDouble("gamma_up", d.GammaUp),
            GammaDown = map.OptionalDouble("gamma_down", d.GammaDown),
            A = map.OptionalDouble("a", d.A),
            B = map.OptionalDouble("b", d.B),
            DwMinStdAdd = map.OptionalDouble("dw_min_std_add", d.DwMinStdAdd, 0, double.MaxValue),
            DwMinStdSlope = map.OptionalDouble("dw_min_std_slope", d.DwMinStdSlope, 0, double.MaxValue),
        };
    }

    private static PowStepParameters ReadPowStep(ArchMap map, PowStepParameters d)
    {
        return new PowStepParameters
        {
            PowGamma = map.OptionalDouble("pow_gamma", d.PowGamma, 0, 100),
            PowGammaDtod = map.OptionalDouble("pow_gamma_dtod", d.PowGammaDtod, 0, 100),
            PowUpDown = map.OptionalDouble("pow_up_down", d.PowUpDown, -1, 1),
            PowUpDownDtod = map.OptionalDouble("pow_up_down_dtod", d.PowUpDownDtod, 0, 100),
        };
    }

    private static PiecewiseStepParameters ReadPiecewise(ArchMap map)
    {
        var up = map.RequireDoubleList("piecewise_up", 0, double.MaxValue);
        var down = map.RequireDoubleList("piecewise_down", 0, double.MaxValue);
        if (up.Count != down.Count)
        {
            throw map.ErrorAt("piecewise_down", $"must have as many nodes as piecewise_up ({up.Count}), got {down.Count}");
        }

        return new PiecewiseStepParameters { PiecewiseUp = up, PiecewiseDown = down };
    }
}
