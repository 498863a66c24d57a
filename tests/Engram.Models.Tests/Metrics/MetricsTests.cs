using Engram.Models.Metrics;

namespace Engram.Models.Tests.Metrics;

public class MetricsTests
{
    [Fact]
    public void Cosine_and_exact_recall()
    {
        Assert.Equal(1, RecallMetrics.Cosine([1, -1, 1, 1], [1, -1, 1, 1]), 12);
        Assert.Equal(0.5, RecallMetrics.Cosine([1, -1, 1, 1], [1, -1, 1, -1]), 12);
        Assert.Equal(0, RecallMetrics.Cosine([0, 0], [1, 1]));
        Assert.True(RecallMetrics.ExactRecall([0.2, -0.9], [1, -1]));
        Assert.False(RecallMetrics.ExactRecall([0, -1], [1, -1]));
    }

    private static CapacityCurve Curve(params (int P, double Sim)[] points) =>
        new(points.Select(p => new CapacityPoint(p.P, p.Sim, p.Sim >= 0.999 ? 1 : 0.5)));

    [Fact]
    public void Capacity_is_the_largest_grid_P_with_every_smaller_P_above_tau()
    {
        var curve = Curve((4, 1.0), (8, 0.995), (12, 0.97), (16, 0.96), (20, 0.5));
        Assert.Equal(8, curve.Capacity(0.99));
        Assert.Equal(16, curve.Capacity(0.95));
        Assert.Equal(20, curve.Capacity(0.5)); // ≥ τ passes
        Assert.Equal(4, curve.ExactCapacity(1.0));
    }

    [Fact]
    public void A_later_recovery_does_not_count_and_a_failing_first_point_gives_zero()
    {
        // Unsorted input is sorted by P; the dip at 12 ends the run although 16 recovers.
        var curve = Curve((16, 0.999), (4, 1.0), (12, 0.9), (8, 0.999));
        Assert.Equal(8, curve.Capacity(0.99));
        Assert.Equal(0, Curve((4, 0.8), (8, 0.99)).Capacity(0.95));
        Assert.Equal(0, Curve((4, double.NaN)).Capacity(0.5));
        Assert.Throws<ArgumentException>(() => Curve((4, 1.0), (4, 1.0)));
    }

    [Fact]
    public void Power_law_fit_recovers_an_exact_exponent()
    {
        double[] n = [16, 32, 64, 128, 256];
        var fit = PowerLawFit.Fit(n, [.. n.Select(v => 0.3 * Math.Pow(v, 1.49))]);
        Assert.Equal(1.49, fit.Exponent, 10);
        Assert.Equal(0.3, fit.Prefactor, 10);
        Assert.Equal(0, fit.ExponentStandardError, 10);
        Assert.Equal(1.49, fit.Ci95Low, 8);
        Assert.Equal(1.49, fit.Ci95High, 8);
    }

    [Fact]
    public void Power_law_interval_contains_the_true_exponent_for_noisy_data()
    {
        // Multiplicative log-normal noise (σ = 0.1): the 95 % t interval covers 1.74 in about 95 % of fits.
        var rng = new Random(11);
        double[] n = [16, 25, 36, 49, 64, 81, 100, 144];
        int covered = 0;
        const int Fits = 200;
        for (int k = 0; k < Fits; k++)
        {
            var capacity = n.Select(v => 0.5 * Math.Pow(v, 1.74) * Math.Exp(0.1 * Normal(rng))).ToArray();
            var fit = PowerLawFit.Fit(n, capacity);
            Assert.True(fit.Ci95Low < fit.Exponent && fit.Exponent < fit.Ci95High);
            covered += fit.Ci95Low <= 1.74 && 1.74 <= fit.Ci95High ? 1 : 0;
        }

        Assert.InRange(covered / (double)Fits, 0.90, 0.99);

        var first = PowerLawFit.Fit(n, [.. n.Select(v => 0.5 * Math.Pow(v, 1.74) * Math.Exp(0.1 * Normal(new Random((int)v))))]);
        Assert.InRange(1.74, first.Ci95Low, first.Ci95High);
    }

    [Fact]
    public void Two_points_give_an_exponent_but_no_interval_and_bad_input_is_refused()
    {
        var fit = PowerLawFit.Fit([10, 100], [5, 500]);
        Assert.Equal(2, fit.Exponent, 12);
        Assert.False(fit.HasInterval);
        Assert.True(double.IsNaN(fit.Ci95Low) && double.IsNaN(fit.Ci95High));
        Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([10], [5]));
        Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([10, 20], [5, 0]));
        Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([10, 10], [5, 6]));
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
