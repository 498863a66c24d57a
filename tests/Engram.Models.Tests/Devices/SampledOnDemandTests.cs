using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>
/// An array built from stream sources samples its devices only as far as it is used; it must hold exactly the
/// devices an array built from the streams themselves holds, whatever is asked of it and in whatever order.
/// </summary>
public class SampledOnDemandTests
{
    private const int Rows = 12, Cols = 10, Seed = 21;

    public static TheoryData<string> Cards() => [.. CardsByName.Keys];

    private static readonly Dictionary<string, DeviceCard> CardsByName = new()
    {
        ["soft-bounds"] = TestCards.Card(new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, DwMin = 0.01, WMin = -1, WMax = 1, WMinDtod = 0.2, WMaxDtod = 0.2 },
            readNoise: 0.02, programmingNoise: 0.02, levels: 16, faults: new StuckFaultSpec(0.2, 0.3, 0.3, 0.4)),
        ["linear-step-gamma-spread"] = TestCards.Card(new PulseResponseSpec
        {
            Model = PulseResponseKind.LinearStep,
            LinearStep = new LinearStepParameters { GammaUp = 0.5, GammaDown = 0.4, GammaUpDtod = 0.1, GammaDownDtod = 0.1 },
        }, programmingNoise: 0.01, faults: new StuckFaultSpec(0.1)),
        ["pow-step-corrupt"] = TestCards.Card(new PulseResponseSpec
        {
            Model = PulseResponseKind.PowStep,
            CorruptDevicesProb = 0.1,
            EnforceConsistency = false,
            PowStep = new PowStepParameters { PowGamma = 1.2, PowGammaDtod = 0.2, PowUpDownDtod = 0.05 },
        }, programmingNoise: 0.01),
        ["write-noise-log-normal"] = TestCards.Card(new PulseResponseSpec { Model = PulseResponseKind.ConstantStep, WriteNoiseStd = 0.5, DwMinDtodLogNormal = true, UpDown = 0.1 },
            programmingNoise: 0.01, faults: new StuckFaultSpec(0.15, 0, 0, 1)),
        ["drift"] = TestCards.Card(new PulseResponseSpec { Model = PulseResponseKind.ExpStep }, programmingNoise: 0.01,
            faults: new StuckFaultSpec(0.1, 0.5, 0.5, 0), drift: new DriftSpec(0.05, 0.02, 1.0)),
        ["ideal"] = TestCards.Card(PulseResponseSpec.Ideal(0.01), programmingNoise: 0.01, faults: new StuckFaultSpec(0.1)),
    };

    private static DeviceArray FromStreams(DeviceCard card, double? faultRate = null) =>
        new(card, Rows, Cols, new Random(Seed), new Random(Seed + 1), faultRate);

    // Double precision, so the draws are compared bit for bit; single precision only rounds what is stored (see
    // Single_precision_arrays_hold_the_double_values_rounded).
    private static DeviceArray FromSources(DeviceCard card, double? faultRate = null, CellPrecision precision = CellPrecision.Double) =>
        new(card, Rows, Cols, () => new Random(Seed), () => new Random(Seed + 1), faultRate, precision);

    private static void AssertSameCells(DeviceArray expected, DeviceArray actual)
    {
        Assert.Equal(expected.Conductances.ToArray(), actual.Conductances.ToArray());
        for (int i = 0; i < expected.CellCount; i++)
        {
            Assert.Equal(expected.GetStuckKind(i / Cols, i % Cols), actual.GetStuckKind(i / Cols, i % Cols));
            Assert.Equal(expected.GetDeviceWeight(i / Cols, i % Cols), actual.GetDeviceWeight(i / Cols, i % Cols));
        }

        Assert.Equal(expected.StuckCount, actual.StuckCount);
    }

    private static double[] Targets(DeviceCard card)
    {
        var rng = new Random(5);
        return [.. Enumerable.Range(0, Rows * Cols).Select(_ => card.GminS + rng.NextDouble() * card.RangeS)];
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Construction_fill_and_whole_array_programming_match_without_sampling_the_pulse_parameters(string name)
    {
        var card = CardsByName[name];
        var eager = FromStreams(card);
        var lazy = FromSources(card);
        AssertSameCells(eager, lazy);

        eager.Fill(card.GminS + 0.4 * card.RangeS);
        lazy.Fill(card.GminS + 0.4 * card.RangeS);
        AssertSameCells(eager, lazy);

        var targets = Targets(card);
        Assert.Equal(DeviceProgramming.SetConductances(eager, targets, new Random(8)), DeviceProgramming.SetConductances(lazy, targets, new Random(8)));
        AssertSameCells(eager, lazy);
        // A drifting card samples at once: its exponents come after the pulse parameters in the stream.
        Assert.Equal(card.Drift is not null, lazy.ResponseSampled);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Pulses_single_cell_writes_drift_and_parameters_match_once_sampled(string name)
    {
        var card = CardsByName[name];
        var eager = FromStreams(card);
        var lazy = FromSources(card);
        var targets = Targets(card);
        DeviceProgramming.SetConductances(eager, targets, new Random(8));
        DeviceProgramming.SetConductances(lazy, targets, new Random(8));

        var (re, rl) = (new Random(9), new Random(9));
        for (int cell = 0; cell < eager.CellCount; cell += 3)
        {
            var direction = cell % 2 == 0 ? PulseDirection.Up : PulseDirection.Down;
            Assert.Equal(eager.ApplyPulses(cell / Cols, cell % Cols, direction, 1 + (cell % 4), re), lazy.ApplyPulses(cell / Cols, cell % Cols, direction, 1 + (cell % 4), rl));
        }

        Assert.True(lazy.ResponseSampled);
        Assert.Equal(
            DeviceProgramming.WriteVerify(eager, 1, 2, card.GminS + 0.7 * card.RangeS, re),
            DeviceProgramming.WriteVerify(lazy, 1, 2, card.GminS + 0.7 * card.RangeS, rl));
        DeviceProgramming.SetConductance(eager, 3, 4, card.GmaxS, re);
        DeviceProgramming.SetConductance(lazy, 3, 4, card.GmaxS, rl);
        eager.ApplyDrift(100);
        lazy.ApplyDrift(100);
        AssertSameCells(eager, lazy);
        for (int i = 0; i < eager.CellCount; i++)
        {
            Assert.Equal(eager.MinConductanceS(i), lazy.MinConductanceS(i));
            Assert.Equal(eager.MaxConductanceS(i), lazy.MaxConductanceS(i));
            Assert.Equal(eager.Response.DwMinUp(i), lazy.Response.DwMinUp(i));
            Assert.Equal(eager.Response.DwMinDown(i), lazy.Response.DwMinDown(i));
            Assert.Equal(eager.Response.IsCorrupt(i), lazy.Response.IsCorrupt(i));
            Assert.Equal(eager.Response.StepUp(i, 0.1), lazy.Response.StepUp(i, 0.1));
            Assert.Equal(eager.Response.StepDown(i, -0.1), lazy.Response.StepDown(i, -0.1));
            Assert.Equal(eager.DriftNu(i / Cols, i % Cols), lazy.DriftNu(i / Cols, i % Cols));
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void A_parameter_asked_for_first_samples_the_same_devices(string name)
    {
        var card = CardsByName[name];
        var eager = FromStreams(card);
        var lazy = FromSources(card);
        Assert.Equal(eager.MaxConductanceS(7), lazy.MaxConductanceS(7));
        Assert.True(lazy.ResponseSampled);
        var targets = Targets(card);
        DeviceProgramming.SetConductances(eager, targets, new Random(8));
        DeviceProgramming.SetConductances(lazy, targets, new Random(8));
        AssertSameCells(eager, lazy);
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Fault_rates_changed_in_place_match_a_kept_map(string name)
    {
        var card = CardsByName[name];
        var eager = FromStreams(card, faultRate: 0.4);
        var lazy = FromSources(card, faultRate: 0.4);
        AssertSameCells(eager, lazy);
        foreach (double rate in new[] { 0.1, 0.0, 0.6, 0.25 })
        {
            eager.SetFaultRate(rate);
            lazy.SetFaultRate(rate);
            AssertSameCells(eager, lazy);
        }

        for (int i = 0; i < eager.CellCount; i++)
        {
            Assert.Equal(eager.Faults.KindAt(i, 0.5, card.Faults), lazy.Faults.KindAt(i, 0.5, card.Faults));
        }
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Single_precision_arrays_hold_the_double_values_rounded(string name)
    {
        var card = CardsByName[name];
        var exact = FromSources(card);
        var single = FromSources(card, precision: CellPrecision.Single);
        var targets = Targets(card);
        Assert.Equal(DeviceProgramming.SetConductances(exact, targets, new Random(8)), DeviceProgramming.SetConductances(single, targets, new Random(8)));
        Assert.Equal(CellPrecision.Single, single.Precision);
        Assert.Equal(4, single.ConductanceBytesPerCell);
        for (int i = 0; i < exact.CellCount; i++)
        {
            // A pulse-free card programmed set-to-target stores the same value, rounded once to float.
            if (card.PulseResponse.WriteNoiseStd == 0 && card.Drift is null)
            {
                Assert.Equal((double)(float)exact.ConductanceAt(i), single.ConductanceAt(i));
            }
            else
            {
                Assert.Equal(exact.ConductanceAt(i), single.ConductanceAt(i), exact.ConductanceAt(i) * 1e-6);
            }

            Assert.Equal(exact.GetStuckKind(i / Cols, i % Cols), single.GetStuckKind(i / Cols, i % Cols));
        }

        Assert.Throws<InvalidOperationException>(() => single.Conductances.Length);
    }
}
