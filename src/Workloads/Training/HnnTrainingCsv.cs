using System.Globalization;
using System.Text;

namespace Engram.Workloads.Training;

/// <summary><c>hnn.csv</c>: one row per trained memory (pattern count and stuck-device rate).</summary>
public static class HnnTrainingCsv
{
    /// <summary>The capacity criterion of Engram's capacity protocol: mean recall similarity of at least 0.99.</summary>
    public const double CapacityThreshold = 0.99;

    public static string Write(IEnumerable<HnnTrainingOutcome> outcomes)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder("patterns,fault_rate,seed,epochs,final_loss,exact_recall,mean_similarity,pulses,training_energy_j,training_latency_ps,recall_energy_j,recall_latency_ps\n");
        foreach (var o in outcomes.OrderBy(o => o.Settings.FaultRate).ThenBy(o => o.Settings.Patterns))
        {
            var s = o.Settings;
            sb.Append(c, $"{s.Patterns},{s.FaultRate:R},{s.Seed},{s.Epochs},{o.FinalLoss:R},{o.ExactRecall:R},{o.MeanSimilarity:R},{o.Pulses},{o.TrainingEnergyJ:R},{o.TrainingLatencyPs},{o.RecallEnergyJ:R},{o.RecallLatencyPs}\n");
        }

        return sb.ToString();
    }
}
