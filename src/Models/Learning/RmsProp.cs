using System.Numerics;

namespace Engram.Models.Learning;

/// <summary>
/// RMSprop as PyTorch implements it (no momentum, not centered, no weight decay):
/// v ← α v + (1−α) g², p ← p − lr · g / (√v + ε).
/// </summary>
public sealed class RmsProp(double learningRate = 1e-2, double alpha = 0.99, double epsilon = 1e-8) : IOptimizer
{
    public double LearningRate { get; } = learningRate > 0 ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be positive");

    public OptimizerState CreateState(int length) => new(length);

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient, OptimizerState state)
    {
        if (gradient.Length != parameters.Length || state.Second.Length != parameters.Length)
        {
            throw new ArgumentException("parameter, gradient and state lengths differ");
        }

        state.Steps++;
        var v = state.Second.AsSpan(0, parameters.Length);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Same IEEE operations as the scalar loop below, so results are identical, just wider.
            int width = Vector<double>.Count;
            var a = new Vector<double>(alpha);
            var c = new Vector<double>(1 - alpha);
            var lr = new Vector<double>(LearningRate);
            var eps = new Vector<double>(epsilon);
            for (; k <= parameters.Length - width; k += width)
            {
                var g = new Vector<double>(gradient[k..]);
                var vk = (a * new Vector<double>(v[k..])) + (c * g * g);
                vk.CopyTo(v[k..]);
                var p = new Vector<double>(parameters[k..]) - (lr * g / (Vector.SquareRoot(vk) + eps));
                p.CopyTo(parameters[k..]);
            }
        }

        for (; k < parameters.Length; k++)
        {
            double g = gradient[k];
            v[k] = (alpha * v[k]) + ((1 - alpha) * g * g);
            parameters[k] -= LearningRate * g / (Math.Sqrt(v[k]) + epsilon);
        }
    }
}
