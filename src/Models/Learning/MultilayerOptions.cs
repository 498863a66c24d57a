namespace Engram.Models.Learning;

/// <summary>
/// Multilayer N→H→N training (He et al. code, <c>multilayer.py</c>). With <see cref="Epochs"/> and <see cref="LearningRate"/> unset,
/// the <see cref="MultilayerSchedule"/> (the single_layer.py proxy schedule) picks both from P; set both
/// for a fixed schedule (the learning rate given here is the optimizer's, not halved).
/// </summary>
/// <param name="Hidden">Hidden neurons H (script default 32).</param>
/// <param name="ExtraLayers">Extra H×H tanh layers in the encoder (numlayer − 1).</param>
/// <param name="Optimizer">RMSprop as in the code, or Adam.</param>
/// <param name="Epochs">Fixed epoch budget, or null for the schedule's.</param>
/// <param name="LearningRate">Fixed optimizer learning rate, or null for the schedule's.</param>
/// <param name="EarlyStopLoss">Training stops after the step whose loss is below this.</param>
/// <param name="StuckValue">The weight a stuck cell holds, in training and in recall.</param>
/// <param name="ScheduleNeurons">
/// When set to N0, the schedule's learning rate is scaled by min(1, N0 / N). RMSprop moves every weight by about the
/// learning rate per step, so a pre-activation over N inputs moves by about lr·N. The code's schedule was set for N = 64
/// (its demo size). At N = 256 its P ≤ 16 rate of 0.005 overshoots: the loss stays near 0.5 and no pattern becomes a fixed
/// point. Null keeps the code's schedule at every N. A fixed <see cref="LearningRate"/> is never scaled.
/// </param>
public sealed record MultilayerOptions(
    int Hidden = 32,
    int ExtraLayers = 0,
    OptimizerKind Optimizer = OptimizerKind.RmsProp,
    int? Epochs = null,
    double? LearningRate = null,
    double EarlyStopLoss = 1e-8,
    double StuckValue = 0,
    int? ScheduleNeurons = null)
{
    public static MultilayerOptions Default { get; } = new();

    /// <summary>The epoch budget and optimizer learning rate for <paramref name="patterns"/> patterns.</summary>
    public (int Epochs, double LearningRate) Resolve(int patterns, bool continuous)
    {
        var (epochs, lr) = MultilayerSchedule.For(patterns, continuous);
        return (Epochs ?? epochs, LearningRate ?? lr);
    }

    /// <summary>As <see cref="Resolve(int, bool)"/>, with the schedule's rate scaled for <paramref name="neurons"/> visible neurons (<see cref="ScheduleNeurons"/>).</summary>
    public (int Epochs, double LearningRate) Resolve(int patterns, bool continuous, int neurons)
    {
        var (epochs, lr) = Resolve(patterns, continuous);
        if (LearningRate is null && ScheduleNeurons is int n0)
        {
            lr *= Math.Min(1.0, (double)n0 / neurons);
        }

        return (epochs, lr);
    }

    internal IOptimizer CreateOptimizer(double learningRate) => Optimizer.Create(learningRate);
}
