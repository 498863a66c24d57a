using CsCheck;
using Engram.Components.Blocks.Neurons;
using Engram.Models.Networks;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// A synchronous step's update of every neuron at once (<see cref="INeuron.ActivateAll"/>, for sign neurons four lanes
/// at a time in <see cref="NeuronFunctions.SignAll"/>) against one neuron after another: the same states, bit for bit,
/// and the same count of changed ones, over random fields with the edge values a field can take.
/// </summary>
public sealed class NeuronUpdateTests
{
    private static readonly Gen<double> Field = Gen.Frequency(
        (6, Gen.Double[-3, 3]),
        (1, OneOf(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon)));

    private static readonly Gen<double> State = OneOf(1.0, -1.0, 0.0, 0.25);

    private static readonly Gen<(double[] Fields, double[] States)> Step =
        Gen.Int[0, 41].SelectMany(n => Gen.Select(Field.Array[n], State.Array[n]));

    private static Gen<double> OneOf(params double[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Theory]
    [InlineData("sign")]
    [InlineData("tanh")]
    public void Every_neuron_at_once_equals_one_after_another(string kind)
    {
        INeuron neuron = kind == "sign" ? new SignNeuron() : new TanhNeuron();
        Step.Sample(step =>
        {
            var expected = (double[])step.States.Clone();
            int expectedChanged = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                double next = neuron.Activate(step.Fields[i], expected[i]);
                expectedChanged += neuron.Changed(expected[i], next, 3) ? 1 : 0;
                expected[i] = next;
            }

            var states = (double[])step.States.Clone();
            int changed = neuron.ActivateAll(step.Fields, states, 3);
            Assert.Equal(expectedChanged, changed);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), states.Select(BitConverter.DoubleToInt64Bits));
        });
    }

    [Fact]
    public void Sign_of_all_keeps_a_state_on_a_zero_or_undefined_field()
    {
        double[] fields = [0.0, -0.0, double.NaN, 2, -2, 0.0, 1e-300, -1e-300, 0.0];
        double[] states = [1, -1, -1, -1, 1, 0.25, -1, 1, -1];
        int changed = NeuronFunctions.SignAll(fields, states);
        Assert.Equal([1, -1, -1, 1, -1, 0.25, 1, -1, -1], states);
        Assert.Equal(4, changed);
        Assert.Throws<ArgumentException>(() => NeuronFunctions.SignAll(fields, new double[3]));
    }
}
