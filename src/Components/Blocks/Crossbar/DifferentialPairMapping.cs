using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary><c>differential</c>: each weight on a pair of devices in twin arrays, W ∝ G⁺ − G⁻.</summary>
public sealed class DifferentialPairMapping : IWeightMapping
{
    private static readonly double[] PairSigns = [1, -1];

    public string Name => "differential";

    public int ArraysPerBlock => 2;

    public int ReferenceColumns => 0;

    public double ReferenceConductanceS(DeviceCard card) => 0;

    public IWeightCodec Codec(DeviceCard card, double weightMax) => new PairCodec(new DifferentialMapping(card, weightMax));

    private sealed class PairCodec(DifferentialMapping mapping) : IWeightCodec
    {
        public double ScaleSPerWeight => mapping.ScaleSPerWeight;

        public ReadOnlySpan<double> Signs => PairSigns;

        public void Targets(double weight, Span<double> perArrayS) => (perArrayS[0], perArrayS[1]) = mapping.ToConductances(weight);
    }
}
