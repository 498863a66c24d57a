using Engram.Components.Arch;

namespace Engram.Components.Tests.Arch;

/// <summary>Broken cards fail with file, line, column and key path in the message.</summary>
public sealed class DeviceCardErrorTests : IDisposable
{
    private const string Valid = """
        name: t
        conductance:
          gmin_s: 1.0e-6
          gmax_s: 1.0e-4
          levels: 16
        read:
          voltage_v: 0.2
          noise_std_relative: 0.01
        programming:
          noise_std_fraction: 0.02
          write_pulse:
            voltage_v: 1.5
            width_ps: 10000
          write_verify:
            max_pulses: 50
            tolerance_fraction: 0.01
        faults:
          rate: 0.1
          at_gmin_fraction: 0.5
          at_gmax_fraction: 0.5
        drift:
          nu: 0.05
          t0_s: 1
        pulse_response:
          model: soft_bounds
          dw_min: 0.01
        provenance:
          conductance.gmax_s: a paper
        """;

    private readonly TempDir _temp = new("engram-cards-");

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private string Write(string yaml)
    {
        string path = Path.Combine(Dir, "card.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private ArchException Fails(string yaml)
    {
        string path = Write(yaml);
        var e = Assert.Throws<ArchException>(() => DeviceCardLoader.Load(path));
        Assert.Equal(path, e.File);
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void The_valid_template_loads_with_every_value()
    {
        var card = DeviceCardLoader.Load(Write(Valid));
        Assert.Equal((1e-6, 1e-4, 16, 0.2, 0.01, 0.02), (card.GminS, card.GmaxS, card.Levels, card.ReadVoltageV, card.ReadNoiseStdRelative, card.ProgrammingNoiseStdFraction));
        Assert.Equal((1.5, 10000L, 50, 0.01), (card.WritePulse.VoltageV, card.WritePulse.WidthPs, card.WriteVerify.MaxPulses, card.WriteVerify.ToleranceFraction));
        Assert.Equal(new Engram.Models.Devices.StuckFaultSpec(0.1, 0.5, 0.5, 0), card.Faults);
        Assert.Equal(new Engram.Models.Devices.DriftSpec(0.05, 0, 1), card.Drift);
        Assert.Equal("a paper", card.Sources["conductance.gmax_s"]);
    }

    [Fact]
    public void Unknown_key_names_file_line_column_and_path()
    {
        var e = Fails(Valid.Replace("  levels: 16", "  levels: 16\n  gmid_s: 3", StringComparison.Ordinal));
        Assert.Equal((6L, 3L, "conductance.gmid_s"), (e.Line, e.Column, e.KeyPath));
        Assert.Contains(":6:3: conductance.gmid_s: unknown key; expected one of: gmax_s, gmin_s, levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_type_is_reported_at_the_value()
    {
        var e = Fails(Valid.Replace("gmin_s: 1.0e-6", "gmin_s: small", StringComparison.Ordinal));
        Assert.Equal((3L, 11L, "conductance.gmin_s"), (e.Line, e.Column, e.KeyPath));
        Assert.EndsWith("expected a number in S or a quantity such as \"2.5 uS\", got 'small'", e.Message, StringComparison.Ordinal);

        var map = Fails(Valid.Replace("  voltage_v: 0.2", "  voltage_v: [0.2]", StringComparison.Ordinal));
        Assert.Equal("read.voltage_v", map.KeyPath);
        Assert.Contains("expected a single value, got a list", map.Message, StringComparison.Ordinal);

        var boolean = Fails(Valid.Replace("  dw_min: 0.01", "  dw_min: 0.01\n  mult_noise: maybe", StringComparison.Ordinal));
        Assert.Equal("pulse_response.mult_noise", boolean.KeyPath);
    }

    [Fact]
    public void Gmin_above_gmax_is_an_error_at_gmax()
    {
        var e = Fails(Valid.Replace("gmin_s: 1.0e-6", "gmin_s: 2.0e-4", StringComparison.Ordinal));
        Assert.Equal((4L, "conductance.gmax_s"), (e.Line, e.KeyPath));
        Assert.Contains("must exceed gmin_s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_values_name_the_interval()
    {
        var e = Fails(Valid.Replace("rate: 0.1", "rate: -0.1", StringComparison.Ordinal));
        Assert.Equal((18L, 9L, "faults.rate"), (e.Line, e.Column, e.KeyPath));
        Assert.EndsWith("faults.rate: must be in [0, 1], got -0.1", e.Message, StringComparison.Ordinal);

        var noise = Fails(Valid.Replace("noise_std_relative: 0.01", "noise_std_relative: 1.5", StringComparison.Ordinal));
        Assert.EndsWith(":8:23: read.noise_std_relative: must be in [0, 1], got 1.5", noise.Message, StringComparison.Ordinal);

        Assert.Equal("conductance.levels", Fails(Valid.Replace("levels: 16", "levels: 1", StringComparison.Ordinal)).KeyPath);
        Assert.Equal("programming.write_pulse.width_ps", Fails(Valid.Replace("width_ps: 10000", "width_ps: 0", StringComparison.Ordinal)).KeyPath);
    }

    [Fact]
    public void Fault_split_must_sum_to_one()
    {
        var e = Fails(Valid.Replace("at_gmax_fraction: 0.5", "at_gmax_fraction: 0.2", StringComparison.Ordinal));
        Assert.Equal("faults", e.KeyPath);
        Assert.Contains("must be 1, got 0.7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_and_missing_keys_are_named()
    {
        string missing = Path.Combine(Dir, "nope.yaml");
        var e = Assert.Throws<ArchException>(() => DeviceCardLoader.Load(missing));
        Assert.Equal($"{missing}: file not found", e.Message);

        var key = Fails(Valid.Replace("  voltage_v: 0.2\n", "", StringComparison.Ordinal));
        Assert.Equal("read.voltage_v", key.KeyPath);
        Assert.Contains("required key is missing", key.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var e = Fails(Valid.Replace("  levels: 16", "  levels: 16\n  levels: 8", StringComparison.Ordinal));
        Assert.Equal(6L, e.Line);
        Assert.Contains("duplicate key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_names_and_model_specific_keys_are_checked()
    {
        var model = Fails(Valid.Replace("model: soft_bounds", "model: soft_bound", StringComparison.Ordinal));
        Assert.Equal("pulse_response.model", model.KeyPath);
        Assert.Contains("expected one of ideal, constant_step, linear_step, soft_bounds, exp_step, pow_step, piecewise_step", model.Message, StringComparison.Ordinal);

        var foreign = Fails(Valid.Replace("  dw_min: 0.01", "  dw_min: 0.01\n  pow_gamma: 2", StringComparison.Ordinal));
        Assert.Equal("pulse_response.pow_gamma", foreign.KeyPath);
        Assert.Contains("unknown key", foreign.Message, StringComparison.Ordinal);

        var piecewise = Fails(Valid.Replace("model: soft_bounds", "model: piecewise_step\n  piecewise_up: [1, 2]\n  piecewise_down: [1]", StringComparison.Ordinal));
        Assert.Equal("pulse_response.piecewise_down", piecewise.KeyPath);

        var item = Fails(Valid.Replace("model: soft_bounds", "model: piecewise_step\n  piecewise_up: [1, x]\n  piecewise_down: [1, 1]", StringComparison.Ordinal));
        Assert.Equal("pulse_response.piecewise_up[1]", item.KeyPath);
    }

    [Fact]
    public void Provenance_must_name_keys_of_the_card()
    {
        var e = Fails(Valid.Replace("conductance.gmax_s: a paper", "conductance.gmaxs: a paper", StringComparison.Ordinal));
        Assert.Equal("provenance.conductance.gmaxs", e.KeyPath);
    }

    [Fact]
    public void Quantities_accept_si_prefixes()
    {
        var card = DeviceCardLoader.Load(Write(Valid
            .Replace("gmax_s: 1.0e-4", "gmax_s: 100 uS", StringComparison.Ordinal)
            .Replace("voltage_v: 0.2", "voltage_v: 200 mV", StringComparison.Ordinal)));
        Assert.Equal(100e-6, card.GmaxS, 1e-18);
        Assert.Equal(0.2, card.ReadVoltageV, 1e-15);
        Assert.Equal("conductance.gmax_s", Fails(Valid.Replace("gmax_s: 1.0e-4", "gmax_s: 100 uV", StringComparison.Ordinal)).KeyPath);
    }

    [Fact]
    public void Yaml_syntax_errors_carry_the_location()
    {
        var e = Fails(Valid.Replace("  levels: 16", "  levels: 16\n bad: - 1", StringComparison.Ordinal));
        Assert.True(e.Line >= 5, e.Message);

        var unclosed = Fails(Valid.Replace("  levels: 16", "  levels: [16", StringComparison.Ordinal));
        Assert.Contains("malformed YAML", unclosed.Message, StringComparison.Ordinal);
    }
}
