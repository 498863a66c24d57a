namespace Engram.Models.Devices;

/// <summary>
/// A signed weight on a pair of devices: G⁺ − G⁻ = W·(Gmax − Gmin)/wMax, with the unused device of the
/// pair at Gmin (Engram's choice; He et al. do not give their mapping). Conductances are quantized to the card's levels.
/// </summary>
public sealed class DifferentialMapping
{
    public DifferentialMapping(DeviceCard card, double weightMax)
    {
        if (!(weightMax > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weightMax), weightMax, "must be positive");
        }

        Card = card;
        WeightMax = weightMax;
    }

    public DeviceCard Card { get; }

    /// <summary>The weight that maps onto a full Gmax − Gmin swing.</summary>
    public double WeightMax { get; }

    /// <summary>Siemens per weight unit.</summary>
    public double ScaleSPerWeight => Card.RangeS / WeightMax;

    /// <summary>Largest W → G → W error: half a level step in weight units (0 for a continuous card).</summary>
    public double QuantizationErrorBound => Card.Levels < 2 ? 0.0 : 0.5 * WeightMax / (Card.Levels - 1);

    public (double PlusS, double MinusS) ToConductances(double weight)
    {
        double w = Math.Clamp(weight, -WeightMax, WeightMax);
        double g = Card.Quantize(Card.GminS + Math.Abs(w) * ScaleSPerWeight);
        return w >= 0 ? (g, Card.GminS) : (Card.GminS, g);
    }

    public double ToWeight(double plusS, double minusS) => (plusS - minusS) / ScaleSPerWeight;

    public void ToConductances(ReadOnlySpan<double> weights, Span<double> plusS, Span<double> minusS)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            (plusS[i], minusS[i]) = ToConductances(weights[i]);
        }
    }

    public void ToWeights(ReadOnlySpan<double> plusS, ReadOnlySpan<double> minusS, Span<double> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = ToWeight(plusS[i], minusS[i]);
        }
    }
}
