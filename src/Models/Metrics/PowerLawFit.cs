using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Engram.Models.Metrics;

/// <summary>
/// capacity ≈ prefactor · N^exponent, fitted by least squares on (ln N, ln capacity). The 95 % interval of the
/// exponent is slope ± t(0.975, n − 2) · SE(slope); with exactly two points there are no residual degrees of
/// freedom, so the interval is (NaN, NaN) and <see cref="HasInterval"/> is false.
/// </summary>
public sealed record PowerLaw(double Exponent, double Prefactor, double ExponentStandardError, double Ci95Low, double Ci95High, int Points)
{
    public bool HasInterval => !double.IsNaN(Ci95Low);

    public double Predict(double n) => Prefactor * Math.Pow(n, Exponent);
}

public static class PowerLawFit
{
    public static PowerLaw Fit(IReadOnlyList<double> n, IReadOnlyList<double> capacity)
    {
        if (n.Count != capacity.Count)
        {
            throw new ArgumentException("need one capacity per N");
        }

        if (n.Count < 2)
        {
            throw new ArgumentException("a power law needs at least two sizes");
        }

        for (int i = 0; i < n.Count; i++)
        {
            if (!(n[i] > 0) || !(capacity[i] > 0))
            {
                throw new ArgumentException($"log-log fit needs positive values, got N = {n[i]}, capacity = {capacity[i]}");
            }
        }

        if (n.Distinct().Count() < 2)
        {
            throw new ArgumentException("a power law needs at least two distinct sizes");
        }

        var x = n.Select(v => Math.Log(v)).ToArray();
        var y = capacity.Select(v => Math.Log(v)).ToArray();
        var (intercept, slope) = MathNet.Numerics.Fit.Line(x, y);
        int dof = x.Length - 2;
        if (dof == 0)
        {
            return new PowerLaw(slope, Math.Exp(intercept), double.NaN, double.NaN, double.NaN, x.Length);
        }

        double meanX = x.Average();
        double sxx = x.Sum(v => (v - meanX) * (v - meanX));
        double ssr = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = y[i] - (intercept + (slope * x[i]));
            ssr += r * r;
        }

        double se = Math.Sqrt(ssr / dof / sxx);
        double t = StudentT.InvCDF(0, 1, dof, 0.975);
        return new PowerLaw(slope, Math.Exp(intercept), se, slope - (t * se), slope + (t * se), x.Length);
    }
}
