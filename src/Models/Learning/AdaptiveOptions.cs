namespace Engram.Models.Learning;

/// <summary>
/// Hardware-adaptive single-layer training (He et al. code, <c>associatememory_scale.py</c>). Defaults follow the code: Adam, lr 1e-3, 10000
/// full-batch epochs, early stop below 1e-8, no training noise; stuck cells fixed at 0 (stuck-at-OFF).
/// </summary>
/// <param name="Optimizer">Adam or RMSprop (the notebook variants use RMSprop lr 0.01 or 1e-3).</param>
/// <param name="LearningRate">Optimizer learning rate.</param>
/// <param name="MaxEpochs">Full-batch epoch budget.</param>
/// <param name="EarlyStopLoss">Training stops after the step whose loss is below this.</param>
/// <param name="NoiseLevel">Std of Gaussian noise added to W in each training forward pass only (0 = off).</param>
/// <param name="StuckValue">The weight a stuck cell holds, in training and in recall.</param>
/// <param name="SinglePrecision">Forward and gradient products in float32 (as the PyTorch code trains), weights and
/// optimizer state in double; false runs everything in double.</param>
public sealed record AdaptiveOptions(
    OptimizerKind Optimizer = OptimizerKind.Adam,
    double LearningRate = 1e-3,
    int MaxEpochs = 10000,
    double EarlyStopLoss = 1e-8,
    double NoiseLevel = 0,
    double StuckValue = 0,
    bool SinglePrecision = true)
{
    public static AdaptiveOptions Default { get; } = new();

    internal IOptimizer CreateOptimizer() => Optimizer.Create(LearningRate);
}
