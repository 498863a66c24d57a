using Engram.Components.Arch;
using Engram.Models.Devices;

namespace Engram.Components.Tests.Training;

/// <summary><c>devices.pulse_response</c> replaces the card's pulse-response values from the chip, with the chip's file and line in errors.</summary>
public class PulseResponseOverrideTests
{
    [Fact]
    public void A_chip_replaces_the_cards_bounds_and_up_down_and_keeps_the_rest()
    {
        var spec = TrainingChips.Parse("override", ("  mapping: reference_column", "  mapping: reference_column\n  pulse_response: { w_max: 2, w_min: -2, up_down: 0.2 }"));
        var response = spec.Device.Card.PulseResponse;
        Assert.Equal(2, response.WMax);
        Assert.Equal(-2, response.WMin);
        Assert.Equal(0.2, response.UpDown);
        Assert.Equal(0.001, response.DwMin);
        Assert.Equal(PulseResponseKind.SoftBounds, response.Model);
        Assert.True(response.LinearStep.MultNoise);
    }

    [Fact]
    public void An_unknown_or_out_of_range_override_names_the_chip_key()
    {
        var e = Assert.Throws<ArchException>(() => TrainingChips.Parse("bad", ("  mapping: reference_column", "  mapping: reference_column\n  pulse_response: { w_maxx: 2 }")));
        Assert.Equal("devices.pulse_response.w_maxx", e.KeyPath);
        Assert.EndsWith("bad.yaml", e.File, StringComparison.Ordinal);
        e = Assert.Throws<ArchException>(() => TrainingChips.Parse("bad", ("  mapping: reference_column", "  mapping: reference_column\n  pulse_response: { up_down: 3 }")));
        Assert.Equal("devices.pulse_response.up_down", e.KeyPath);
    }
}
