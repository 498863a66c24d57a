using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The weight scale a layer was programmed at, and what follows from it for every read: the mapping's code
/// (one definition of W ↔ G, used to program and to decode) and the ADC's code step.
/// </summary>
public sealed class LayerScale(IWeightMapping mapping, DeviceCard card, int arrayRows, int adcBits, double fullScaleFraction)
{
    private IWeightCodec? _codec;

    /// <summary>Largest |weight| the conductance range represents (set when programming).</summary>
    public double WeightMax { get; private set; } = 1;

    public IWeightCodec Codec => _codec ??= mapping.Codec(card, WeightMax);

    public double SiemensPerWeight => Codec.ScaleSPerWeight;

    public ReadOnlySpan<double> Signs => Codec.Signs;

    public double ReadVoltageV => card.ReadVoltageV;

    /// <summary>
    /// ADC full scale: a fraction of the largest signed current a block column can carry (every driven row at the
    /// extreme weight); one code step is full scale / 2^(B−1), and larger currents clip to the top code.
    /// </summary>
    public double CodeStepA => fullScaleFraction * ReadVoltageV * SiemensPerWeight * WeightMax * arrayRows / (1 << (adcBits - 1));

    public void SetWeightMax(double weightMax)
    {
        WeightMax = weightMax;
        _codec = mapping.Codec(card, WeightMax);
    }
}
