using Engram.Components.Blocks.Crossbar;
using Engram.Components.Chips;
using Engram.Models.Devices;
using Engram.Models.Learning;
using Engram.Sim.Core;
using Engram.Sim.Random;

namespace Engram.Components.Blocks.Programming;

/// <summary>
/// The <c>programmer</c> block: it writes a layer's weights into its devices. Set-to-target places every cell
/// at its target in zero time and at no charge (the device model adds programming noise and quantization; stuck
/// cells do not move). Write-verify programs cell by cell with the card's write pulse and a verify read after
/// each pulse (max pulses and tolerance from the card): the arrays of a layer in parallel, the cells of one array
/// one after another. It charges <c>program_pulse</c> (V²·G·t of the card's write pulse) and <c>verify_read</c>
/// (V²·G·t of a read pulse) per row, each at the conductance the cell has when it happens.
/// </summary>
public sealed class Programmer(BlockSite site, long readPs)
{
    private readonly int _pulse = site.Ledger.Action("program_pulse");
    private readonly int _verify = site.Ledger.Action("verify_read");

    /// <summary>Set-to-target; returns the number of cells that could not be programmed (stuck).</summary>
    public static int Set(Layer layer, ReadOnlySpan<double> weights, RandomStream stream)
    {
        layer.SetWeightScale(weights);
        return Set(layer, new Layer.ArrayWeights(weights.ToArray(), layer.Inputs), stream);
    }

    /// <summary>Set-to-target from weights read entry by entry (<see cref="IWeightMatrix"/>): the same cells as the dense form.</summary>
    public static int Set(Layer layer, IWeightMatrix weights, RandomStream stream)
    {
        layer.SetWeightScale(weights);
        return Set(layer, new Layer.MatrixWeights(weights), stream);
    }

    // The layer's programming noise is one stream, consumed macro by macro, array by array, cell by cell. A walk of
    // it without the deviates (no logarithms) finds each array's starting position; the arrays are written in
    // parallel behind the walk, each from a copy of the stream at its start: the same draws as one pass in order, and
    // the stream is left where that pass would leave it. One macro's targets per worker at a time: a layer's targets
    // at once would take as much memory as its devices.
    private static int Set<TWeights>(Layer layer, TWeights weights, RandomStream stream)
        where TWeights : struct, Layer.IWeightEntries
    {
        var macros = layer.Macros().ToList();
        var starts = new RandomStream[macros.Count][];
        int walked = 0;
        var gate = new object();
        var walk = Task.Factory.StartNew(
            () =>
            {
                var draws = new DeviceStreamRandom(stream);
                try
                {
                    Walk(draws);
                }
                finally
                {
                    // A failed walk releases the workers; the macros it did not reach have no start, and the walk's
                    // exception is rethrown below.
                    lock (gate)
                    {
                        walked = macros.Count;
                        Monitor.PulseAll(gate);
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        void Walk(Random draws)
        {
            for (int m = 0; m < macros.Count; m++)
            {
                var arrays = macros[m].Crossbar.Arrays;
                var macroStarts = new RandomStream[arrays.Count];
                for (int k = 0; k < arrays.Count; k++)
                {
                    macroStarts[k] = stream.Snapshot();
                    DeviceProgramming.SkipSetConductances(arrays[k], draws);
                }

                lock (gate)
                {
                    starts[m] = macroStarts;
                    walked = m + 1;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var stuck = new int[macros.Count];
        Parallel.For(
            0,
            macros.Count,
            () => macros[0].Crossbar.Arrays.Select(a => new double[a.CellCount]).ToArray(),
            (m, _, targets) =>
            {
                var macro = macros[m];
                layer.FillTargets(macro, weights, targets);
                RandomStream[] macroStarts;
                lock (gate)
                {
                    while (walked <= m)
                    {
                        Monitor.Wait(gate);
                    }

                    macroStarts = starts[m];
                }

                if (macroStarts is null)
                {
                    return targets;
                }

                var arrays = macro.Crossbar.Arrays;
                for (int k = 0; k < arrays.Count; k++)
                {
                    stuck[m] += arrays[k].CellCount - DeviceProgramming.SetConductances(arrays[k], targets[k], new DeviceStreamRandom(macroStarts[k]));
                }

                macro.Crossbar.RefreshRowSums();
                // The column sums every read uses, taken here in parallel while the cells are in cache (else the
                // first recall takes them one array after another).
                for (int k = 0; k < arrays.Count; k++)
                {
                    arrays[k].PrecomputeColumnSums();
                }

                return targets;
            },
            _ => { });
        walk.GetAwaiter().GetResult();
        return stuck.Sum();
    }

    /// <summary>Write-verify of every array of <paramref name="layer"/>, run on the kernel until the slowest array is done.</summary>
    public ProgrammingResult WriteVerify(Layer layer, ReadOnlySpan<double> weights, Random rng, WriteVerifyMode mode, double? weightMax)
    {
        var sim = site.Sim;
        var targets = layer.Targets(weights, weightMax);
        var totals = new ProgrammingResult.Tally();
        long start = sim.Now;
        double startJ = site.Ledger.TotalEnergyJ;
        var arrays = new List<Event>();
        foreach (var (macro, perArray) in targets)
        {
            for (int k = 0; k < macro.Crossbar.Arrays.Count; k++)
            {
                arrays.Add(sim.Process(ProgramArray(macro, macro.Crossbar.Arrays[k], perArray[k], rng, mode, totals)));
            }
        }

        sim.Run(sim.AllOf(arrays));
        foreach (var (macro, _) in targets)
        {
            macro.Crossbar.RefreshRowSums();
        }

        return totals.Result(sim.Now - start, site.Ledger.TotalEnergyJ - startJ);
    }

    private IEnumerable<Wait> ProgramArray(Macro macro, DeviceArray array, double[] targets, Random rng, WriteVerifyMode mode, ProgrammingResult.Tally totals)
    {
        var card = array.Card;
        double readV2 = card.ReadVoltageV * card.ReadVoltageV;
        double writeV2 = card.WritePulse.VoltageV * card.WritePulse.VoltageV;
        for (int r = 0; r < array.Rows; r++)
        {
            long rowPulses = 0, rowReads = 0;
            double pulseJ = 0, readJ = 0;
            for (int c = 0; c < array.Cols; c++)
            {
                // The first verify read sees the cell as it was; the pulses and every later read see it as written
                // (intermediate states of a multi-pulse loop are taken at the final conductance).
                double before = array.GetConductance(r, c);
                var result = DeviceProgramming.WriteVerify(array, r, c, targets[array.CellIndex(r, c)], rng, mode);
                double after = array.GetConductance(r, c);
                pulseJ += result.Pulses * writeV2 * after * card.WritePulse.WidthPs * 1e-12;
                readJ += (readV2 * before * readPs * 1e-12) + ((result.VerifyReads - 1) * readV2 * after * readPs * 1e-12);
                rowPulses += result.Pulses;
                rowReads += result.VerifyReads;
                totals.Add(result);
            }

            long pulsePs = rowPulses * card.WritePulse.WidthPs, readsPs = rowReads * readPs;
            if (rowPulses > 0)
            {
                site.Ledger.Charge(macro.ProgrammerComponent, _pulse, rowPulses, pulseJ, site.Sim.Now, pulsePs);
            }

            site.Ledger.Charge(macro.ProgrammerComponent, _verify, rowReads, readJ, site.Sim.Now + pulsePs, readsPs);
            if (pulsePs + readsPs > 0)
            {
                yield return site.Sim.Timeout(pulsePs + readsPs);
            }
        }
    }
}
