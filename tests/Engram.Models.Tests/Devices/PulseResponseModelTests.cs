using Engram.Models.Devices;

namespace Engram.Models.Tests.Devices;

/// <summary>Each update-once model against its closed form (aihwkit <c>rpu_*_device.cpp</c>).</summary>
public class PulseResponseModelTests
{
    private static readonly double[] States = [-0.9, -0.5, 0.0, 0.3, 0.8];

    private static IPulseResponse Create(PulseResponseSpec spec, int count = 50, int seed = 7) =>
        PulseResponse.Create(spec, count, new Random(seed));

    [Fact]
    public void Soft_bounds_steps_follow_the_closed_form_per_device()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, DwMin = 0.01, WMax = 1, WMin = -1 };
        var m = Create(spec);
        for (int i = 0; i < m.Count; i++)
        {
            foreach (double w in States)
            {
                Assert.Equal(m.DwMinUp(i) * (1 - w / m.MaxBound(i)), m.StepUp(i, w), 12);
                Assert.Equal(m.DwMinDown(i) * (1 - w / m.MinBound(i)), m.StepDown(i, w), 12);
            }
        }
    }

    [Fact]
    public void Soft_bounds_symmetry_point_matches_the_reference_formula_and_balances_the_steps()
    {
        var spec = new PulseResponseSpec { Model = PulseResponseKind.SoftBounds, DwMin = 0.01, WMax = 1, WMin = -1, UpDown = 0.1 };
        var m = Create(spec);
        for (int i = 0; i < m.Count; i++)
        {
            double sUp = m.DwMinUp(i), sDown = m.DwMinDown(i);
            double expected = (sUp - sDown) / (sUp / m.MaxBound(i) - sDown / m.MinBound(i));
            double? wStar = m.SymmetryPoint(i);
            Assert.NotNull(wStar);
            Assert.Equal(expected, wStar!.Value, 10);
            Assert.Equal(m.StepUp(i, wStar.Value), m.StepDown(i, wStar.Value), 12);
        }
    }

    [Fact]
    public void Soft_bounds_saturate_at_the_bound_without_crossing_it()
    {
        var m = Create(TestCards.NoSpread(PulseResponseKind.SoftBounds, 0.05), count: 1);
        var rng = new Random(1);
        double w = 0;
        for (int k = 0; k < 2000; k++)
        {
            w = m.Apply(0, w, PulseDirection.Up, rng);
        }

        Assert.InRange(w, 0.999, 1.0);
        Assert.True(m.StepUp(0, w) < 1e-3 * 0.05);
        Assert.Equal(0.0, m.StepUp(0, 1.0), 15);
        Assert.Equal(0.0, m.StepDown(0, -1.0), 15);
    }

    [Fact]
    public void Linear_step_steps_shrink_by_gamma_towards_the_mean_bounds()
    {
        var spec = TestCards.NoSpread(PulseResponseKind.LinearStep) with
        {
            WMax = 1.2,
            WMin = -0.8,
            LinearStep = new LinearStepParameters { GammaUp = 0.1153, GammaDown = 0.5085, GammaUpDtod = 0, GammaDownDtod = 0 },
        };
        var m = Create(spec, count: 1);
        foreach (double w in States)
        {
            Assert.Equal(0.01 * (1 - 0.1153 * w / 1.2), m.StepUp(0, w), 12);
            Assert.Equal(0.01 * (1 - 0.5085 * w / -0.8), m.StepDown(0, w), 12);
        }

        double expected = (0.01 - 0.01) / (0.01 * 0.1153 / 1.2 - 0.01 * 0.5085 / -0.8);
        Assert.Equal(expected, m.SymmetryPoint(0)!.Value, 12);
    }

    [Fact]
    public void Linear_step_symmetry_point_balances_imbalanced_steps()
    {
        var spec = new PulseResponseSpec
        {
            Model = PulseResponseKind.LinearStep,
            DwMin = 0.002,
            WMax = 1.1724,
            WMin = -0.8276,
            UpDown = 0.05,
            LinearStep = new LinearStepParameters { GammaUp = 0.1153, GammaDown = 0.5085 },
        };
        var m = Create(spec);
        int found = 0;
        for (int i = 0; i < m.Count; i++)
        {
            if (m.SymmetryPoint(i) is { } w)
            {
                found++;
                Assert.Equal(m.StepUp(i, w), m.StepDown(i, w), 12);
            }
        }

        Assert.True(found > m.Count / 2);
    }

    [Fact]
    public void Constant_step_is_state_independent_has_no_symmetry_point_and_stops_hard_at_the_bounds()
    {
        var m = Create(new PulseResponseSpec { Model = PulseResponseKind.ConstantStep, DwMin = 0.1, WMax = 1, WMin = -1, DwMinStd = 0 });
        var rng = new Random(3);
        for (int i = 0; i < m.Count; i++)
        {
            Assert.Equal(m.StepUp(i, -0.9), m.StepUp(i, 0.9));
            Assert.Equal(m.DwMinUp(i), m.StepUp(i, 0.2));
            Assert.Null(m.SymmetryPoint(i));
            double w = 0;
            for (int k = 0; k < 100; k++)
            {
                w = m.Apply(i, w, PulseDirection.Up, rng);
            }

            Assert.Equal(m.MaxBound(i), w);
        }
    }

    [Fact]
    public void Exp_step_steps_follow_the_closed_form_and_the_numerical_symmetry_point_balances_them()
    {
        // ReRamESPresetDevice parameters (aihwkit presets/devices.py).
        var exp = new ExpStepParameters { A = -0.5, B = -0.5, GammaUp = 5, GammaDown = 5, AUp = -1.18445, ADown = -0.081404 };
        var spec = new PulseResponseSpec
        {
            Model = PulseResponseKind.ExpStep, DwMin = 0.00135, WMax = 1, WMin = -1, UpDown = 0.259359,
            DwMinDtod = 0.2, UpDownDtod = 0.05, WMaxDtod = 0.3, WMinDtod = 0.3, DwMinStd = 5.0, ExpStep = exp,
        };
        var m = Create(spec);
        for (int i = 0; i < m.Count; i++)
        {
            double range = m.MaxBound(i) - m.MinBound(i);
            foreach (double w in States)
            {
                double z = 2 * exp.A * w / range + exp.B;
                Assert.Equal(m.DwMinUp(i) * Math.Max(1 - exp.AUp * Math.Exp(exp.GammaUp * z), 0), m.StepUp(i, w), 12);
                Assert.Equal(m.DwMinDown(i) * Math.Max(1 - exp.ADown * Math.Exp(-exp.GammaDown * z), 0), m.StepDown(i, w), 12);
            }

            double? wStar = m.SymmetryPoint(i);
            Assert.NotNull(wStar);
            Assert.InRange(wStar!.Value, m.MinBound(i), m.MaxBound(i));
            Assert.True(Math.Abs(m.StepUp(i, wStar.Value) - m.StepDown(i, wStar.Value)) < 1e-12);
        }

        Assert.Equal(0.00135 * (1 + 0.081404 * Math.Exp(2.5)), m.WeightGranularity, 12);
    }

    [Fact]
    public void Pow_step_steps_follow_the_closed_form_and_the_numerical_symmetry_point_balances_them()
    {
        var spec = new PulseResponseSpec
        {
            Model = PulseResponseKind.PowStep, DwMin = 0.01, WMax = 1, WMin = -1,
            PowStep = new PowStepParameters { PowGamma = 2, PowGammaDtod = 0.1, PowUpDownDtod = 0.05 },
        };
        var m = (PowStepResponse)Create(spec);
        for (int i = 0; i < m.Count; i++)
        {
            double range = m.MaxBound(i) - m.MinBound(i);
            foreach (double w in States)
            {
                Assert.Equal(m.DwMinUp(i) * Math.Pow(Math.Max((m.MaxBound(i) - w) / range, 0), m.GammaUp(i)), m.StepUp(i, w), 12);
                Assert.Equal(m.DwMinDown(i) * Math.Pow(Math.Max((w - m.MinBound(i)) / range, 0), m.GammaDown(i)), m.StepDown(i, w), 12);
            }

            double wStar = m.SymmetryPoint(i)!.Value;
            Assert.True(Math.Abs(m.StepUp(i, wStar) - m.StepDown(i, wStar)) < 1e-12);
            Assert.Equal(0.0, m.StepUp(i, m.MaxBound(i)), 15);
        }

        Assert.Equal(0.01 * 0.25, m.WeightGranularity, 15);
    }

    [Fact]
    public void Piecewise_step_interpolates_between_nodes_and_has_a_numerical_symmetry_point()
    {
        var spec = TestCards.NoSpread(PulseResponseKind.PiecewiseStep) with
        {
            PiecewiseStep = new PiecewiseStepParameters { PiecewiseUp = [1.5, 1.0, 0.2], PiecewiseDown = [0.2, 1.0, 1.8] },
        };
        var m = Create(spec, count: 1);
        Assert.Equal(0.015, m.StepUp(0, -1), 12);
        Assert.Equal(0.010, m.StepUp(0, 0), 12);
        Assert.Equal(0.0125, m.StepUp(0, -0.5), 12);
        Assert.Equal(0.014, m.StepDown(0, 0.5), 12);
        Assert.Equal(0.002, m.StepUp(0, 1), 12);
        double wStar = m.SymmetryPoint(0)!.Value;
        Assert.Equal(0.0, wStar, 9);
        Assert.Equal(0.01, m.WeightGranularity, 15);
    }

    [Fact]
    public void Ideal_steps_are_exact_and_clip_at_the_mean_bounds()
    {
        var m = Create(PulseResponseSpec.Ideal(0.25), count: 3);
        var rng = new Random(1);
        Assert.Equal(0.25, m.Apply(0, 0, PulseDirection.Up, rng));
        Assert.Equal(-0.25, m.Apply(1, 0, PulseDirection.Down, rng));
        Assert.Equal(1.0, m.Apply(2, 0.9, PulseDirection.Up, rng));
        Assert.Null(m.SymmetryPoint(0));
        Assert.Equal(8.0, m.StateCount, 12);
    }

    [Theory]
    [InlineData(PulseResponseKind.ConstantStep)]
    [InlineData(PulseResponseKind.LinearStep)]
    [InlineData(PulseResponseKind.SoftBounds)]
    public void Granularity_is_dw_min_for_the_linear_family(PulseResponseKind kind)
    {
        var m = Create(new PulseResponseSpec { Model = kind, DwMin = 0.0016, WMax = 1, WMin = -1 });
        Assert.Equal(0.0016, m.WeightGranularity, 15);
        Assert.Equal(1250, m.StateCount, 6);
    }

    [Fact]
    public void Additive_noise_keeps_the_mean_step_and_scales_the_spread_with_dw_min_only()
    {
        var spec = TestCards.NoSpread(PulseResponseKind.SoftBounds, 0.01) with
        {
            DwMinStd = 0.5,
            LinearStep = new LinearStepParameters { MultNoise = false },
        };
        var m = Create(spec, count: 1);
        var rng = new Random(11);
        var steps = Enumerable.Range(0, 20000).Select(_ => m.Apply(0, 0.5, PulseDirection.Up, rng) - 0.5).ToList();
        var (mean, std) = TestCards.Stats(steps);
        Assert.Equal(0.01 * 0.5, mean, 3);
        Assert.InRange(std, 0.0048, 0.0052);
    }

    [Fact]
    public void Exp_step_complex_noise_grows_with_step_constant_and_state()
    {
        // PCMPresetDevice-style noise terms (aihwkit presets/devices.py): std = σ·(|Δ| + add + slope·|w|).
        var exp = new ExpStepParameters { DwMinStdAdd = 0.042, DwMinStdSlope = 0.108 };
        var spec = TestCards.NoSpread(PulseResponseKind.ExpStep, 0.01) with { DwMinStd = 0.6, ExpStep = exp };
        var m = Create(spec, count: 1);
        var rng = new Random(21);
        double w = -0.5;
        double step = m.StepUp(0, w);
        var moves = Enumerable.Range(0, 20000).Select(_ => m.Apply(0, w, PulseDirection.Up, rng) - w).ToList();
        var (mean, std) = TestCards.Stats(moves);
        double expectedStd = 0.6 * (step + 0.042 + 0.108 * 0.5);
        Assert.Equal(step, mean, 4 * expectedStd / Math.Sqrt(20000));
        Assert.InRange(std / expectedStd, 0.98, 1.02);
    }
}
