namespace Engram.Models.Costs;

/// <summary>
/// Scaling of area, energy and latency between CMOS nodes.
/// Area and energy: Stillmaker &amp; Baas, "Scaling equations for the accurate prediction of CMOS device
/// performance from 180 nm to 7 nm", Integration 58 (2017) 74–81 — the area table and the energy
/// polynomials in Vdd (LP models at 45/32 nm, HP at 20–7 nm, bulk at 130–65 nm), evaluated at 0.8 V,
/// the convention hwcomponents (Accelergy, 2024) uses. Between tabulated nodes Engram interpolates
/// linearly in table position. Latency scales linearly with the feature size, also as hwcomponents
/// does (32 → 22 nm gives ×0.6875).
/// </summary>
public static class TechnologyScaling
{
    public const double MinNodeNm = 7;
    public const double MaxNodeNm = 130;
    public const double DefaultVddV = 0.8;

    public static readonly Provenance Source = new(
        "Stillmaker & Baas, Integration 58:74-81 (area table, energy polynomials); hwcomponents techscaling (interpolation, Vdd 0.8 V, linear latency)",
        "130-7 nm", 2017, "e.g. 32->22 nm: energy x0.446, area x0.55, latency x0.687; 32->45 nm: energy x1.52, area x2.2");

    private static readonly double[] NodesNm = [130, 90, 65, 45, 32, 20, 16, 14, 10, 7];

    // AreaTable[from][to]: multiply an area at node `from` by this to get it at node `to` (Stillmaker & Baas Table 6).
    private static readonly double[][] AreaTable =
    [
        [1, 0.44, 0.23, 0.16, 0.072, 0.033, 0.03, 0.027, 0.016, 0.0092],
        [2.3, 1, 0.53, 0.35, 0.16, 0.075, 0.067, 0.061, 0.036, 0.021],
        [4.3, 1.9, 1, 0.66, 0.31, 0.14, 0.13, 0.12, 0.068, 0.039],
        [6.4, 2.8, 1.5, 1, 0.46, 0.21, 0.19, 0.17, 0.1, 0.059],
        [14, 6.1, 3.3, 2.2, 1, 0.46, 0.41, 0.38, 0.22, 0.13],
        [30, 13, 7.1, 4.7, 2.2, 1, 0.89, 0.82, 0.48, 0.28],
        [34, 15, 7.9, 5.3, 2.4, 1.1, 1, 0.91, 0.54, 0.31],
        [37, 16, 8.7, 5.8, 2.7, 1.2, 1.1, 1, 0.59, 0.34],
        [63, 28, 15, 9.8, 4.5, 2.1, 1.9, 1.7, 1, 0.58],
        [110, 48, 25, 17, 7.8, 3.6, 3.2, 2.9, 1.7, 1],
    ];

    // Relative switching energy a·Vdd² + b·Vdd + c per node (Stillmaker & Baas Table 4/5 fits).
    private static readonly (double A, double B, double C)[] EnergyPolynomial =
    [
        (7.171, -6.709, 2.904),
        (4.762, -4.781, 2.092),
        (3.755, -4.398, 1.975),
        (1.103, -0.362, 0.2767),
        (0.9559, -0.7823, 0.471),
        (0.373, -0.1582, 0.04104),
        (0.2958, -0.1241, 0.03024),
        (0.2363, -0.09675, 0.02239),
        (0.2068, -0.09311, 0.02375),
        (0.1776, -0.09097, 0.02447),
    ];

    // The published matrix is rounded and not exactly consistent (A[x][y]·A[y][x] ≠ 1), so Engram fits one
    // relative area per node in log space (least squares over all off-diagonal pairs) and interpolates it:
    // scaling to the same node is then exactly 1 and round trips are exact (32 -> 22 nm: x0.550; 32 -> 45: x2.18).
    private static readonly double[] RelativeArea = FitRelativeArea();

    public static double AreaFactor(double fromNm, double toNm) => InterpolatedArea(toNm) / InterpolatedArea(fromNm);

    private static double InterpolatedArea(double nodeNm)
    {
        double p = Position(nodeNm);
        int i0 = (int)Math.Floor(p), i1 = (int)Math.Ceiling(p);
        double f = p - i0;
        return (RelativeArea[i0] * (1 - f)) + (RelativeArea[i1] * f);
    }

    private static double[] FitRelativeArea()
    {
        int n = AreaTable.Length;
        var relative = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += (Math.Log(AreaTable[i][j]) - Math.Log(AreaTable[j][i])) / 2;
            }

            relative[j] = sum / n;
        }

        double first = relative[0];
        for (int j = 0; j < n; j++)
        {
            relative[j] = Math.Exp(relative[j] - first);
        }

        return relative;
    }

    public static double EnergyFactor(double fromNm, double toNm, double vddV = DefaultVddV) =>
        RelativeEnergy(toNm, vddV) / RelativeEnergy(fromNm, vddV);

    public static double LatencyFactor(double fromNm, double toNm)
    {
        Position(fromNm);
        Position(toNm);
        return toNm / fromNm;
    }

    private static double RelativeEnergy(double nodeNm, double vddV)
    {
        double p = Position(nodeNm);
        int i0 = (int)Math.Floor(p), i1 = (int)Math.Ceiling(p);
        double f = p - i0;
        return (Evaluate(EnergyPolynomial[i0], vddV) * (1 - f)) + (Evaluate(EnergyPolynomial[i1], vddV) * f);
    }

    private static double Evaluate((double A, double B, double C) poly, double vddV) => (poly.A * vddV * vddV) + (poly.B * vddV) + poly.C;

    /// <summary>Fractional index of a node in the table (0 = 130 nm … 9 = 7 nm).</summary>
    private static double Position(double nodeNm)
    {
        if (!(nodeNm >= MinNodeNm && nodeNm <= MaxNodeNm))
        {
            throw new ArgumentOutOfRangeException(nameof(nodeNm), nodeNm, $"technology node must be in [{MinNodeNm}, {MaxNodeNm}] nm (Stillmaker & Baas range)");
        }

        for (int i = 0; i < NodesNm.Length - 1; i++)
        {
            double big = NodesNm[i], small = NodesNm[i + 1];
            if (nodeNm <= big && nodeNm >= small)
            {
                return i + ((big - nodeNm) / (big - small));
            }
        }

        return NodesNm.Length - 1;
    }
}
