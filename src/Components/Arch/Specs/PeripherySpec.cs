using Engram.Components.Blocks.Neurons;

namespace Engram.Components.Arch;

/// <summary>
/// <c>periphery</c>: DAC bits (1 = bipolar ±V_read drive of binary states; more = bit-serial magnitude planes with
/// the sign as polarity), the ADCs, neurons and state register.
/// </summary>
public sealed record PeripherySpec(
    int DacBits,
    AdcSpec Adc,
    long ReadPulsePs,
    INeuron Neuron,
    int StateRegisterBits,
    bool UnselectedColumnsConduct)
{
    public static readonly IReadOnlyList<SchemaKey> Schema =
    [
        new("periphery.dac_bits", "bits", "[1, 8]", "—", "1 = bipolar ±V_read drive of binary states; more = bit-serial magnitude planes. `tanh` needs ≥ 2"),
        .. AdcSpec.Schema,
        new("periphery.read_pulse_ps", "ps", "≥ 1", "—", "crossbar read pulse"),
        new("periphery.neuron", "—", "a registered neuron: `sign` \\| `tanh`", "—", "output neuron function after the ADC (multilayer hidden neurons are tanh when `dac_bits` ≥ 2, else sign)"),
        new("periphery.state_register_bits", "bits", "[1, 32]", "—", "bits per neuron state"),
        new("periphery.unselected_columns_conduct", "bool", "", "`true`", "whether cells of unread columns on driven rows draw current (reads of a few columns)"),
    ];

    public int AdcBits => Adc.Bits;

    public int ColumnsPerAdc => Adc.ColumnsPerAdc;

    public double FullScaleFractionOf(int layer) => Adc.FullScaleFractionOf(layer);

    public static (PeripherySpec Spec, ArchMap Adc) Read(ArchMap map, ArraySpec array, string costProfile)
    {
        map.EnsureOnlyKeys("dac_bits", "adc", "read_pulse_ps", "neuron", "state_register_bits", "unselected_columns_conduct");
        int dacBits = map.RequireInt("dac_bits", 1, 8);
        var adcMap = map.RequireMap("adc");
        var adc = AdcSpec.Read(adcMap, array, costProfile);
        long readPulse = map.RequireLong("read_pulse_ps", 1);
        string neuronName = map.RequireString("neuron");
        if (!Neurons.TryGet(neuronName, out var neuron))
        {
            throw map.ErrorAt("neuron", $"expected one of {string.Join(", ", Neurons.Names)}, got '{neuronName}'");
        }

        int registerBits = map.RequireInt("state_register_bits", 1, 32);
        bool unselectedConduct = map.OptionalBool("unselected_columns_conduct", true);
        map.EnsureNoUnknownKeys();
        if (neuron.NeedsGradedInputs && dacBits < 2)
        {
            throw map.ErrorAt("dac_bits", $"{neuron.Name} neurons drive continuous states and need dac_bits >= 2, got {dacBits}");
        }

        return (new PeripherySpec(dacBits, adc, readPulse, neuron, registerBits, unselectedConduct), adcMap);
    }
}
