using Engram.Models.Devices.Wires;
using MathNet.Numerics.LinearAlgebra;

namespace Engram.Models.Tests.Devices;

/// <summary>The IR-drop network against a ladder in closed form, a 2×2 array solved directly, and a large array.</summary>
public class WireNetworkTests
{
    [Fact]
    public void One_driven_row_matches_the_ladder_solution()
    {
        // One row of 16 cells: source V through R_d + r to the first cell, r between cells; each cell drains through its
        // own column (one node, r_c + R_s to ground). That is a ladder: shunts R_k = 1/G_k + r_c + R_s, series r.
        const int cols = 16;
        const double v = 0.2, r = 2.0, rc = 1.5, rd = 100, rs = 50;
        var g = Enumerable.Range(0, cols).Select(k => 1e-5 * (1 + (k % 5))).ToArray();
        var shunt = g.Select(gk => (1 / gk) + rc + rs).ToArray();
        var z = new double[cols];
        z[cols - 1] = shunt[cols - 1];
        for (int k = cols - 2; k >= 0; k--)
        {
            double series = r + z[k + 1];
            z[k] = shunt[k] * series / (shunt[k] + series);
        }

        var node = new double[cols];
        node[0] = v * z[0] / (rd + r + z[0]);
        for (int k = 1; k < cols; k++)
        {
            node[k] = node[k - 1] * z[k] / (r + z[k]);
        }

        var network = new WireNetwork(1, cols, r, rc, rd, rs);
        var currents = new double[cols];
        network.Solve([v], g, currents, toleranceV: 1e-15);
        for (int k = 0; k < cols; k++)
        {
            Assert.Equal(node[k] / shunt[k], currents[k], 1e-15);
            Assert.Equal(node[k], network.RowNodesV[k], 1e-12);
        }
    }

    [Fact]
    public void A_two_by_two_array_matches_the_direct_solution_of_its_node_equations()
    {
        // Nodes x00 x01 x10 x11 (rows), y00 y01 y10 y11 (columns); stamps of every conductance, solved with a dense LU.
        const double r = 10, rc = 20, rd = 30, rs = 40;
        double[] g = [1e-4, 2e-4, 3e-4, 5e-5];
        double[] v = [0.3, -0.2];
        var a = Matrix<double>.Build.Dense(8, 8);
        var b = Vector<double>.Build.Dense(8);
        int X(int i, int j) => (i * 2) + j;
        int Y(int i, int j) => 4 + (i * 2) + j;
        void Stamp(int p, int q, double c)
        {
            a[p, p] += c;
            a[q, q] += c;
            a[p, q] -= c;
            a[q, p] -= c;
        }

        for (int i = 0; i < 2; i++)
        {
            a[X(i, 0), X(i, 0)] += 1 / (rd + r);
            b[X(i, 0)] += v[i] / (rd + r);
            Stamp(X(i, 0), X(i, 1), 1 / r);
        }

        for (int j = 0; j < 2; j++)
        {
            Stamp(Y(0, j), Y(1, j), 1 / rc);
            a[Y(1, j), Y(1, j)] += 1 / (rs + rc);
            for (int i = 0; i < 2; i++)
            {
                Stamp(X(i, j), Y(i, j), g[(i * 2) + j]);
            }
        }

        var solution = a.Solve(b);
        var network = new WireNetwork(2, 2, r, rc, rd, rs);
        var currents = new double[2];
        network.Solve(v, g, currents, toleranceV: 1e-16);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(solution[Y(1, j)] / (rs + rc), currents[j], 1e-15);
        }

        // Power in equals power in the wires and cells.
        double inW = (v[0] * (v[0] - solution[X(0, 0)]) / (rd + r)) + (v[1] * (v[1] - solution[X(1, 0)]) / (rd + r));
        Assert.Equal(1, (network.WirePowerW(v) + network.CellPowerW(g)) / inW, 9);
    }

    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    public void A_256_array_converges_and_loses_current_to_the_wires(double wireOverOn)
    {
        const int n = 256;
        const double gOn = 1 / 6e3, rOn = 6e3;
        var rng = new Random(5);
        var g = Enumerable.Range(0, n * n).Select(_ => gOn * (0.01 + (0.99 * rng.NextDouble()))).ToArray();
        var v = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 0 : 0.2).ToArray();
        var network = new WireNetwork(n, n, wireOverOn * rOn, wireOverOn * rOn);
        var currents = new double[n];
        int sweeps = network.Solve(v, g, currents, toleranceV: 1e-9);
        Assert.InRange(sweeps, 1, 10_000);

        double inW = 0;
        var ideal = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ideal[j] += v[i] * g[(i * n) + j];
            }

            inW += v[i] * (v[i] - network.RowNodesV[i * n]) / (wireOverOn * rOn);
        }

        Assert.All(Enumerable.Range(0, n), j => Assert.InRange(currents[j], 0, ideal[j]));
        double loss = 1 - (currents.Sum() / ideal.Sum());
        Assert.True(loss > 0, "wires drop some voltage");
        Assert.Equal(1, (network.WirePowerW(v) + network.CellPowerW(g)) / inW, 6);
    }
}
