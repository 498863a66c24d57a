namespace Engram.Models.Devices;

/// <summary>
/// A population of pulsed devices (one per cross-point) with aihwkit update-once semantics
/// (aihwkit <c>src/rpucuda/rpu_*_device.cpp</c>; docs/devices.md). States <c>w</c> are in the card's normalised weight units.
/// </summary>
public interface IPulseResponse
{
    PulseResponseKind Kind { get; }

    /// <summary>Number of cross-points (devices) in the population.</summary>
    int Count { get; }

    /// <summary>aihwkit <c>calcWeightGranularity</c> from the mean parameters (§3.3).</summary>
    double WeightGranularity { get; }

    /// <summary>(w_max − w_min)/granularity (§3.3).</summary>
    double StateCount { get; }

    /// <summary>Sampled <c>max_bound</c> b_max of device <paramref name="index"/>.</summary>
    double MaxBound(int index);

    /// <summary>Sampled <c>min_bound</c> b_min.</summary>
    double MinBound(int index);

    /// <summary>Sampled <c>dwmin_up</c> s⁺.</summary>
    double DwMinUp(int index);

    /// <summary>Sampled <c>dwmin_down</c> s⁻.</summary>
    double DwMinDown(int index);

    /// <summary>aihwkit corrupt device (<c>corrupt_devices_prob</c>): s± = 0, b_min = b_max.</summary>
    bool IsCorrupt(int index);

    /// <summary>Noise-free magnitude Δ⁺(w) of one up pulse.</summary>
    double StepUp(int index, double w);

    /// <summary>Noise-free magnitude Δ⁻(w) of one down pulse.</summary>
    double StepDown(int index, double w);

    /// <summary>One pulse with cycle-to-cycle noise, clipped to [b_min, b_max]; returns the new state.</summary>
    double Apply(int index, double w, PulseDirection direction, Random rng);

    /// <summary>The w* in [b_min, b_max] with Δ⁺(w*) = Δ⁻(w*), or null when there is none (or every w is one).</summary>
    double? SymmetryPoint(int index);
}
