namespace Engram.Models.Devices;

/// <summary>
/// The sampled bounds [b_min, b_max] of an array's devices in cell order, for writes that sweep the whole array:
/// read from the pulse response when it has been sampled, else drawn device by device
/// from a fresh copy of the variation stream (the draws <see cref="PulseResponse.Create"/> makes first), so that
/// nothing per device is kept.
/// </summary>
internal struct DeviceRangeCursor
{
    private readonly IPulseResponse? _response;
    private readonly PulseResponseSpec? _spec;
    private readonly Random? _variation;
    private int _cell;

    private DeviceRangeCursor(IPulseResponse? response, PulseResponseSpec? spec, Random? variation)
    {
        _response = response;
        _spec = spec;
        _variation = variation;
    }

    public static DeviceRangeCursor Over(IPulseResponse response) => new(response, null, null);

    /// <param name="variation">A stream positioned where the array's own variation stream starts.</param>
    public static DeviceRangeCursor Drawing(PulseResponseSpec spec, Random variation) => new(null, spec, variation);

    /// <summary>The bounds of the next cell (aihwkit weight units).</summary>
    public void Next(out double minBound, out double maxBound)
    {
        if (_response is { } response)
        {
            minBound = response.MinBound(_cell);
            maxBound = response.MaxBound(_cell);
        }
        else
        {
            var d = PulsedDeviceSamples.Draw(_spec!, _variation!, boundsOnly: true);
            minBound = d.MinBound;
            maxBound = d.MaxBound;
        }

        _cell++;
    }
}
