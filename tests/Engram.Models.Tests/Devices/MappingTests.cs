using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

public class MappingTests
{
    private static DeviceCard Card(int levels) => TestCards.Card(TestCards.NoSpread(PulseResponseKind.Ideal), levels: levels);

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(64)]
    public void Differential_round_trip_is_within_half_a_level(int levels)
    {
        var map = new DifferentialMapping(Card(levels), weightMax: 1.5);
        var rng = new Random(levels);
        var weights = Enumerable.Range(0, 2000).Select(_ => (rng.NextDouble() * 2 - 1) * 1.5).ToArray();
        var plus = new double[weights.Length];
        var minus = new double[weights.Length];
        var back = new double[weights.Length];
        map.ToConductances(weights, plus, minus);
        map.ToWeights(plus, minus, back);
        double bound = levels == 0 ? 1e-12 : map.QuantizationErrorBound + 1e-12;
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.InRange(Math.Abs(back[i] - weights[i]), 0, bound);
            Assert.True(plus[i] == TestCards.GminS || minus[i] == TestCards.GminS);
            Assert.InRange(plus[i], TestCards.GminS, TestCards.GmaxS);
        }

        if (levels > 0)
        {
            Assert.Equal(0.5 * 1.5 / (levels - 1), map.QuantizationErrorBound, 15);
            Assert.Contains(Enumerable.Range(0, weights.Length), i => Math.Abs(back[i] - weights[i]) > 0.5 * map.QuantizationErrorBound);
        }
    }

    [Fact]
    public void Differential_scaling_is_w_times_range_over_w_max()
    {
        var map = new DifferentialMapping(Card(0), weightMax: 2);
        var (plus, minus) = map.ToConductances(-0.5);
        Assert.Equal(TestCards.GminS, plus);
        Assert.Equal(0.5 * 100e-6 / 2, minus - plus, 1e-18);
        Assert.Equal(TestCards.GmaxS, map.ToConductances(5).PlusS);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32)]
    public void Reference_column_round_trip_is_within_half_a_level(int levels)
    {
        var map = new ReferenceColumnMapping(Card(levels), weightMax: 1);
        Assert.Equal(51e-6, map.ReferenceS, 1e-18);
        var rng = new Random(3);
        for (int k = 0; k < 2000; k++)
        {
            double w = rng.NextDouble() * 2 - 1;
            double g = map.ToConductance(w);
            Assert.InRange(g, TestCards.GminS, TestCards.GmaxS);
            Assert.InRange(Math.Abs(map.ToWeight(g) - w), 0, map.QuantizationErrorBound + 1e-12);
        }

        Assert.Equal(TestCards.GmaxS, map.ToConductance(1), 1e-18);
        Assert.Equal(TestCards.GminS, map.ToConductance(-1), 1e-18);
    }

    [Fact]
    public void Weights_programmed_onto_device_pairs_read_back_through_column_currents()
    {
        var card = Card(64);
        var map = new DifferentialMapping(card, 1);
        var plusArray = TestCards.Array(card, 8, 4, seed: 1);
        var minusArray = TestCards.Array(card, 8, 4, seed: 2);
        var rng = new Random(5);
        var w = Enumerable.Range(0, 32).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var plus = new double[32];
        var minus = new double[32];
        map.ToConductances(w, plus, minus);
        DeviceProgramming.SetConductances(plusArray, plus, rng);
        DeviceProgramming.SetConductances(minusArray, minus, rng);

        var x = Enumerable.Range(0, 8).Select(i => (i - 3.5) / 20).ToArray();
        var iPlus = new double[4];
        var iMinus = new double[4];
        plusArray.ReadCurrents(x, iPlus, null);
        minusArray.ReadCurrents(x, iMinus, null);
        for (int c = 0; c < 4; c++)
        {
            double expected = Enumerable.Range(0, 8).Sum(r => x[r] * w[r * 4 + c]);
            double measured = (iPlus[c] - iMinus[c]) / map.ScaleSPerWeight;
            Assert.Equal(expected, measured, 8 * 0.175 * map.QuantizationErrorBound);
        }
    }
}
