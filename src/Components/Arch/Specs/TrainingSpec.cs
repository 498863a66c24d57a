using Engram.Models.Devices;

namespace Engram.Components.Arch;

/// <summary>
/// <c>training</c>: the periphery on-chip training needs beyond recall, and how its analog reads behave. A chip
/// without this section (or without <c>backward</c> periphery or pulse generators) cannot train by pulses.
/// </summary>
/// <param name="Backward">Drivers on the columns and converters on the rows, for transposed (backward) reads.</param>
/// <param name="PulseGenerators">Stochastic pulse-train generators on every row and column (the parallel rank-1 update).</param>
/// <param name="Update">The pulse trains: bit length and its management (aihwkit <c>UpdateParameters</c>).</param>
/// <param name="OutBound">Converter full scale in weight·input units (aihwkit <c>IOParameters.out_bound</c>).</param>
/// <param name="TransferOutBound">Converter full scale of the one-hot transfer reads of a fast array (a gain setting of its own).</param>
/// <param name="OutNoise">Additive output noise before conversion, in the same units (aihwkit <c>out_noise</c>).</param>
/// <param name="ReferenceStd">Spread of the zero-shifted reference copy, in device-weight units (aihwkit <c>reference_std</c>).</param>
/// <param name="ZeroShiftPulsePairs">Alternating up/down pulse pairs applied before the reference is copied.</param>
/// <param name="DigitalLanes">Operations per cycle of the digital unit (max, derivatives, buffers).</param>
public sealed record TrainingSpec(
    bool Backward,
    bool PulseGenerators,
    UpdateParameters Update,
    double OutBound,
    double TransferOutBound,
    double OutNoise,
    double ReferenceStd,
    int ZeroShiftPulsePairs,
    int DigitalLanes)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("training.backward", "bool", "", "—", "column drivers and row-side converters exist, for transposed reads Wᵀd (required to train by backpropagation)"),
        new("training.pulse_generators", "bool", "", "—", "stochastic pulse-train generators on every row and column (required for the parallel pulse update)"),
        new("training.update.desired_bl", "pulses", "[1, 31]", "31", "longest pulse train (aihwkit `desired_bl`)"),
        new("training.update.update_bl_management", "bool", "", "`true`", "shorten trains when the update is small (aihwkit)"),
        new("training.update.update_management", "bool", "", "`true`", "balance x and d probabilities (aihwkit; forced on with BL management)"),
        new("training.out_bound", "weight·input", "> 0", "—", "converter full scale of a read (aihwkit `IOParameters.out_bound`)"),
        new("training.transfer_out_bound", "weight", "> 0", "`out_bound`", "converter full scale of the one-hot transfer reads of a fast array (Tiki-Taka, SHD)"),
        new("training.out_noise", "weight·input", "≥ 0", "`0`", "additive noise on each read output before conversion (aihwkit `out_noise`)"),
        new("training.reference_std", "device weight", "≥ 0", "`0`", "spread of the zero-shifted reference copy (aihwkit `reference_std`)"),
        new("training.zero_shift_pulse_pairs", "pairs", "≥ 0", "`1000`", "alternating up/down pulse pairs before the reference of a fast array is copied"),
        new("training.digital_lanes", "ops/cycle", "≥ 1", "`32`", "operations per cycle of the digital unit"),
    ];

    public static TrainingSpec Read(ArchMap map)
    {
        map.EnsureOnlyKeys("backward", "pulse_generators", "update", "out_bound", "transfer_out_bound", "out_noise", "reference_std", "zero_shift_pulse_pairs", "digital_lanes");
        bool backward = map.RequireBool("backward");
        bool generators = map.RequireBool("pulse_generators");
        var update = new UpdateParameters();
        if (map.OptionalMap("update") is { } u)
        {
            u.EnsureOnlyKeys("desired_bl", "update_bl_management", "update_management");
            bool blManagement = u.OptionalBool("update_bl_management", update.UpdateBlManagement);
            update = update with
            {
                DesiredBl = u.OptionalInt("desired_bl", update.DesiredBl, 1, UpdateParameters.MaxBitLength),
                UpdateBlManagement = blManagement,
                UpdateManagement = u.OptionalBool("update_management", update.UpdateManagement) || blManagement,
            };
            u.EnsureNoUnknownKeys();
        }

        double outBound = map.RequireDouble("out_bound", double.Epsilon, double.MaxValue);
        var spec = new TrainingSpec(
            backward,
            generators,
            update,
            outBound,
            map.OptionalDouble("transfer_out_bound", outBound, double.Epsilon, double.MaxValue),
            map.OptionalDouble("out_noise", 0, 0, double.MaxValue),
            map.OptionalDouble("reference_std", 0, 0, double.MaxValue),
            map.OptionalInt("zero_shift_pulse_pairs", 1000, 0),
            map.OptionalInt("digital_lanes", 32, 1));
        map.EnsureNoUnknownKeys();
        return spec;
    }
}
