namespace Engram.Models.Learning;

/// <summary>
/// The schedule of the He et al. code's <c>single_layer.py</c> (a cheap proxy for <c>multilayer.py</c>'s): learn_iters and a base learning rate by P; training
/// runs 2 × learn_iters epochs and the optimizer uses half the base rate.
/// </summary>
public static class MultilayerSchedule
{
    /// <summary>Epochs (2 × learn_iters) and the optimizer learning rate (base / 2).</summary>
    public static (int Epochs, double LearningRate) For(int patterns, bool continuous)
    {
        var (iters, lr) = continuous
            ? patterns switch
            {
                <= 32 => (1600, 0.0025),
                <= 64 => (3200, 0.00125),
                <= 256 => (6400, 0.00125),
                _ => (1600, 0.00125),
            }
            : patterns switch
            {
                <= 16 => (400, 0.01),
                <= 32 => (800, 0.01),
                <= 64 => (1600, 0.005),
                _ => (1600, 0.0025),
            };
        return (2 * iters, lr / 2);
    }
}
