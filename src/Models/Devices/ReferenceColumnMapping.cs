namespace Engram.Models.Devices;

/// <summary>
/// A signed weight on one device read against a fixed reference conductance G_ref (a reference column):
/// G − G_ref = W·(Gmax − Gmin)/(2·wMax) with G_ref = (Gmin + Gmax)/2 by default, so ±wMax spans [Gmin, Gmax].
/// </summary>
public sealed class ReferenceColumnMapping
{
    public ReferenceColumnMapping(DeviceCard card, double weightMax, double? referenceS = null)
    {
        if (!(weightMax > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(weightMax), weightMax, "must be positive");
        }

        Card = card;
        WeightMax = weightMax;
        ReferenceS = referenceS ?? 0.5 * (card.GminS + card.GmaxS);
    }

    public DeviceCard Card { get; }

    public double WeightMax { get; }

    /// <summary>The fixed reference conductance subtracted from every device of the row.</summary>
    public double ReferenceS { get; }

    public double ScaleSPerWeight => Card.RangeS / (2.0 * WeightMax);

    /// <summary>Half a level step in weight units (0 for a continuous card).</summary>
    public double QuantizationErrorBound => Card.Levels < 2 ? 0.0 : 0.5 * Card.RangeS / (Card.Levels - 1) / ScaleSPerWeight;

    public double ToConductance(double weight) =>
        Card.Quantize(ReferenceS + Math.Clamp(weight, -WeightMax, WeightMax) * ScaleSPerWeight);

    public double ToWeight(double conductanceS) => (conductanceS - ReferenceS) / ScaleSPerWeight;
}
