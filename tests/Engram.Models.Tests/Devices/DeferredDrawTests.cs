using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>
/// The array build's fast draws — uniforms in runs, polar pairs without their logarithm until a bound may bind —
/// must give the bits and leave the streams where the one-draw-at-a-time path does.
/// </summary>
public class DeferredDrawTests
{
    private const int Rows = 24, Cols = 20, Seed = 31;

    public static TheoryData<int> Counts() => [0, 1, 2, 3, 5, 128, 129, 255, 256, 257, 1000];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Deviates_drawn_in_runs_are_the_samples_one_at_a_time_and_leave_the_stream_in_place(int count)
    {
        var reference = new Random(Seed);
        double[] expected = [.. Enumerable.Range(0, count).Select(_ => StandardNormal.Sample(reference))];
        var batched = new RunRandom(Seed);
        var actual = new double[count];
        StandardNormal.SampleEach(batched, actual);

        Assert.Equal(expected, actual);
        Assert.Equal(reference.NextDouble(), batched.NextDouble());
        Assert.True(count < 2 || batched.Runs > 0, "the batched path was not taken");
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Both_deviate_fills_in_runs_are_the_fill_one_draw_at_a_time(int count)
    {
        var reference = new Random(Seed);
        double[] expected = FillOneDrawAtATime(reference, count);
        var batched = new RunRandom(Seed);
        var actual = new double[count];
        StandardNormal.Fill(batched, actual);

        Assert.Equal(expected, actual);
        Assert.Equal(reference.NextDouble(), batched.NextDouble());
        Assert.True(count < 2 || batched.Runs > 0, "the batched path was not taken");
        // A plain Random reads its runs one NextDouble at a time: the same deviates.
        var plain = new double[count];
        StandardNormal.Fill(new Random(Seed), plain);
        Assert.Equal(expected, plain);
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_fill_from_its_pairs_is_the_fill(int count)
    {
        var reference = new RunRandom(Seed);
        var expected = new double[count];
        StandardNormal.Fill(reference, expected);
        int pairs = (count + 1) / 2;
        var (u, v, s) = (new double[pairs], new double[pairs], new double[pairs]);
        var batched = new RunRandom(Seed);
        StandardNormal.FillPairs(batched, u, v, s);
        Assert.Equal(reference.NextDouble(), batched.NextDouble());
        // The deviates made in pieces of whole pairs, as the work items of a parallel read make them.
        var actual = new double[count];
        for (int first = 0; first < count; first += 64)
        {
            int length = Math.Min(64, count - first);
            StandardNormal.FromPairs(u.AsSpan(first / 2), v.AsSpan(first / 2), s.AsSpan(first / 2), actual.AsSpan(first, length));
        }

        Assert.Equal(expected, actual);
    }

    // The documented fill drawn one uniform at a time: both deviates of each accepted pair, an odd last one alone.
    private static double[] FillOneDrawAtATime(Random rng, int count)
    {
        var deviates = new double[count];
        int i = 0;
        while (i < count)
        {
            double u = (2.0 * rng.NextDouble()) - 1.0, v = (2.0 * rng.NextDouble()) - 1.0, s = (u * u) + (v * v);
            if (s > 0.0 && s < 1.0)
            {
                double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
                deviates[i++] = u * f;
                if (i < count)
                {
                    deviates[i++] = v * f;
                }
            }
        }

        return deviates;
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Skips_in_runs_consume_exactly_the_skipped_samples(int count)
    {
        var reference = new Random(Seed);
        for (int i = 0; i < count; i++)
        {
            StandardNormal.Skip(reference);
        }

        var batched = new RunRandom(Seed);
        StandardNormal.SkipEach(batched, count);
        Assert.Equal(reference.NextDouble(), batched.NextDouble());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(1024)]
    public void Accepted_pairs_are_the_polar_method_s_pairs_in_order(int uniforms)
    {
        var rng = new Random(uniforms + 3);
        // Some exact zeros and ones as well: s = 0 (u = v = 0) and s ≥ 1 are rejected.
        double[] draws = [.. Enumerable.Range(0, uniforms).Select(i => i % 29 == 0 ? 0.5 : i % 31 == 0 ? 0.0 : rng.NextDouble())];
        var expectedU = new List<double>();
        var expectedS = new List<double>();
        for (int i = 0; i + 1 < uniforms; i += 2)
        {
            double x = (2.0 * draws[i]) - 1.0, y = (2.0 * draws[i + 1]) - 1.0, square = (x * x) + (y * y);
            if (square > 0.0 && square < 1.0)
            {
                expectedU.Add(x);
                expectedS.Add(square);
            }
        }

        var u = new double[uniforms / 2];
        var s = new double[uniforms / 2];
        int accepted = StandardNormal.AcceptedPairs(draws, u, s);
        Assert.Equal(expectedU, u[..accepted]);
        Assert.Equal(expectedS, s[..accepted]);
    }

    [Fact]
    public void A_polar_bound_never_claims_what_the_deviate_does_not_hold()
    {
        var rng = new Random(7);
        int settled = 0, far = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double u = (2.0 * rng.NextDouble()) - 1.0, v = (2.0 * rng.NextDouble()) - 1.0, s = (u * u) + (v * v);
            if (!(s > 0 && s < 1))
            {
                continue;
            }

            var draw = new PolarDraw(u, s);
            double deviate = draw.Deviate();
            // Thresholds near the deviate (where a loose bound would be wrong) and far from it.
            double threshold = i % 3 == 0 ? deviate + ((rng.NextDouble() - 0.5) * 1e-6) : deviate + ((rng.NextDouble() - 0.5) * 6);
            if (draw.SurelyAtLeast(threshold))
            {
                Assert.True(deviate >= threshold, $"u={u:R} s={s:R}: {deviate:R} < {threshold:R}");
                settled++;
            }

            far += Math.Abs(threshold - deviate) > 1 ? 1 : 0;
        }

        // The bounds are for skipping logarithms: they must settle most comparisons that are not close.
        Assert.True(settled > far / 3, $"settled {settled} of {far} far comparisons");
    }

    public static TheoryData<double, double, double, double, bool> Ranges() => new()
    {
        // w_min, w_max, d2d spread, programming noise (fraction of range), write noise
        { -1, 1, 0.1, 0.01, false },
        { -1, 1, 0.1, 0.2, true },
        { -0.6, 0.6, 0.5, 0.1, false },
        { -1, 0.3, 2.0, 0.3, false },   // spreads this wide swap and flip bounds
        { 0, 1, 0.3, 0.2, true },       // w_min = 0: b_min cannot be bounded below 0
        { -1, 0, 0.3, 0.2, false },
        { -1, 1, 0, 0.1, false },       // no spread: the bounds are w_min and w_max without a draw's value
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Writes_with_deferred_bounds_are_the_bits_of_the_drawn_bounds(double wMin, double wMax, double spread, double noise, bool writeNoise)
    {
        var spec = new PulseResponseSpec
        {
            Model = PulseResponseKind.SoftBounds,
            DwMin = 0.01,
            WMin = wMin,
            WMax = wMax,
            WMinDtod = spread,
            WMaxDtod = spread,
            WriteNoiseStd = writeNoise ? 0.5 : 0,
        };
        var card = TestCards.Card(spec, programmingNoise: noise, levels: 32, faults: new StuckFaultSpec(0.1));
        // Sampled at once from the streams (bounds kept per device) against drawn only as writes need them.
        var drawn = new DeviceArray(card, Rows, Cols, new Random(Seed), new Random(Seed + 1));
        var deferred = new DeviceArray(card, Rows, Cols, () => new RunRandom(Seed), () => new RunRandom(Seed + 1), precision: CellPrecision.Double);
        var targets = Targets(card);
        var drawnRng = new Random(9);
        var deferredRng = new RunRandom(9);

        Assert.Equal(DeviceProgramming.SetConductances(drawn, targets, drawnRng), DeviceProgramming.SetConductances(deferred, targets, deferredRng));
        Assert.False(deferred.ResponseSampled);
        Assert.Equal(drawn.Conductances.ToArray(), deferred.Conductances.ToArray());
        for (int i = 0; i < drawn.CellCount; i++)
        {
            Assert.Equal(drawn.GetDeviceWeight(i / Cols, i % Cols), deferred.GetDeviceWeight(i / Cols, i % Cols));
        }

        Assert.Equal(drawnRng.NextDouble(), deferredRng.NextDouble());
    }

    // At the range's ends (where bounds bind), beyond them, and inside.
    private static double[] Targets(DeviceCard card)
    {
        var rng = new Random(5);
        return [.. Enumerable.Range(0, Rows * Cols).Select(i => (i % 4) switch
        {
            0 => card.GminS,
            1 => card.GmaxS,
            2 => card.GminS + ((rng.NextDouble() - 0.1) * 1.2 * card.RangeS),
            _ => card.GminS + (rng.NextDouble() * card.RangeS),
        })];
    }

    /// <summary>A <see cref="Random"/> that also hands out runs (one value at a time underneath): the run paths, same values.</summary>
    private sealed class RunRandom(int seed) : Random(seed), IUniformBatch
    {
        public int Runs { get; private set; }

        public void NextDoubles(Span<double> destination)
        {
            Runs++;
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = NextDouble();
            }
        }
    }
}
