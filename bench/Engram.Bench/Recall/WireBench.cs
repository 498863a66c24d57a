using System.Diagnostics;
using System.Globalization;
using Engram.Models.Devices.Wires;

namespace Engram.Bench.Recall;

/// <summary>
/// <c>wires [--n 256]</c>: the IR-drop solver on an N×N array with conductances uniform in [0.01, 1]·G_on
/// (G_on = 1/6 kΩ), two of three rows driven at 0.2 V, for R_wire/R_on = 1e-4, 1e-3, 1e-2: sweeps, time per
/// solve, and the column current lost to the wires.
/// </summary>
public static class WireBench
{
    public static int Run(string[] args)
    {
        if (BenchArgs.PositiveCount(args, "--n", 256) is not int n)
        {
            return 2;
        }

        const double rOn = 6e3;
        var rng = new Random(5);
        var g = Enumerable.Range(0, n * n).Select(_ => (0.01 + (0.99 * rng.NextDouble())) / rOn).ToArray();
        var v = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 0 : 0.2).ToArray();
        double ideal = 0;
        for (int k = 0; k < g.Length; k++)
        {
            ideal += v[k / n] * g[k];
        }

        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"IR drop on a {n}x{n} array (tolerance 1e-9 V)"));
        Console.WriteLine(string.Create(c, $"{"R_wire/R_on",12}{"sweeps",8}{"ms/solve",10}{"current lost",14}"));
        foreach (double ratio in new[] { 1e-4, 1e-3, 1e-2 })
        {
            var network = new WireNetwork(n, n, ratio * rOn, ratio * rOn);
            var currents = new double[n];
            network.Solve(v, g, currents, toleranceV: 1e-9);
            var clock = Stopwatch.StartNew();
            int sweeps = network.Solve(v, g, currents, toleranceV: 1e-9);
            double ms = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(c, $"{ratio,12:G3}{sweeps,8}{ms,10:F1}{1 - (currents.Sum() / ideal),14:P2}"));
        }

        return 0;
    }
}
