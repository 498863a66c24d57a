using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary><c>reference_column</c>: each weight on one device, read against a column of cells at mid-range.</summary>
public sealed class ReferenceColumnWeightMapping : IWeightMapping
{
    private static readonly double[] SingleSign = [1];

    public string Name => "reference_column";

    public int ArraysPerBlock => 1;

    public int ReferenceColumns => 1;

    public double ReferenceConductanceS(DeviceCard card) => new ReferenceColumnMapping(card, 1).ReferenceS;

    public IWeightCodec Codec(DeviceCard card, double weightMax) => new SingleCodec(new ReferenceColumnMapping(card, weightMax));

    private sealed class SingleCodec(ReferenceColumnMapping mapping) : IWeightCodec
    {
        public double ScaleSPerWeight => mapping.ScaleSPerWeight;

        public ReadOnlySpan<double> Signs => SingleSign;

        public void Targets(double weight, Span<double> perArrayS) => perArrayS[0] = mapping.ToConductance(weight);
    }
}
