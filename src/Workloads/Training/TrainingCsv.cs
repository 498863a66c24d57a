using System.Globalization;
using System.Text;
using Engram.Components.Blocks;
using Engram.Components.Training;

namespace Engram.Workloads.Training;

/// <summary>
/// <c>training.csv</c>: one row per seed and epoch — loss, train and test accuracy, the epoch's energy and simulated
/// time, pulses and transfer events, energy and time per phase, and the row-by-row write-verify estimate of the
/// same weight changes, and the epoch's energy per block kind.
/// </summary>
public static class TrainingCsv
{
    /// <summary>The block kinds a training chip charges, in the columns' order.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [BlockKinds.Crossbar, BlockKinds.RowDriver, BlockKinds.ColumnDriver, BlockKinds.Adc, BlockKinds.ShiftAdd, BlockKinds.AdderTree, BlockKinds.PulseGenerator, BlockKinds.DigitalUnit];

    public static string Write(IEnumerable<TrainingRun> runs)
    {
        var c = CultureInfo.InvariantCulture;
        var phases = Enum.GetValues<TrainingPhase>();
        var sb = new StringBuilder();
        sb.Append("algorithm,seed,epoch,loss,train_accuracy,test_accuracy,energy_j,latency_ps,pulses,transfer_events");
        foreach (var phase in phases)
        {
            string name = phase.ToString().ToLowerInvariant();
            sb.Append(c, $",{name}_energy_j,{name}_latency_ps");
        }

        sb.Append(",write_verify_energy_j,write_verify_latency_ps");
        foreach (var kind in Kinds)
        {
            sb.Append(c, $",{kind}_energy_j");
        }

        sb.Append('\n');
        foreach (var run in runs)
        {
            foreach (var e in run.Epochs)
            {
                sb.Append(c, $"{run.Settings.Algorithm.Name},{run.Settings.Seed},{e.Epoch},{e.Loss:R},{e.TrainAccuracy:R},{e.TestAccuracy:R},{e.EnergyJ:R},{e.LatencyPs},{e.Pulses},{e.TransferEvents}");
                foreach (var phase in phases)
                {
                    var cost = e.Phases.TryGetValue(phase, out var p) ? p : default;
                    sb.Append(c, $",{cost.EnergyJ:R},{cost.LatencyPs}");
                }

                sb.Append(c, $",{e.WriteVerifyEnergyJ:R},{e.WriteVerifyLatencyPs}");
                foreach (var kind in Kinds)
                {
                    sb.Append(c, $",{e.EnergyByKindJ.GetValueOrDefault(kind):R}");
                }

                sb.Append('\n');
            }
        }

        return sb.ToString();
    }
}
