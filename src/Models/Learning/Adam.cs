using System.Numerics;

namespace Engram.Models.Learning;

/// <summary>
/// Adam as PyTorch implements it (no weight decay, no amsgrad): m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g²,
/// p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
/// </summary>
public sealed class Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    public double LearningRate { get; } = learningRate > 0 ? learningRate : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be positive");

    public OptimizerState CreateState(int length) => new(length);

    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient, OptimizerState state)
    {
        if (gradient.Length != parameters.Length || state.First.Length != parameters.Length)
        {
            throw new ArgumentException("parameter, gradient and state lengths differ");
        }

        int t = ++state.Steps;
        double stepSize = LearningRate / (1 - Math.Pow(beta1, t));
        double bc2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, t));
        var m = state.First.AsSpan(0, parameters.Length);
        var v = state.Second.AsSpan(0, parameters.Length);
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // Same IEEE operations as the scalar loop below, so results are identical, just wider.
            int width = Vector<double>.Count;
            var b1 = new Vector<double>(beta1);
            var c1 = new Vector<double>(1 - beta1);
            var b2 = new Vector<double>(beta2);
            var c2 = new Vector<double>(1 - beta2);
            var step = new Vector<double>(stepSize);
            var bc = new Vector<double>(bc2Sqrt);
            var eps = new Vector<double>(epsilon);
            for (; k <= parameters.Length - width; k += width)
            {
                var g = new Vector<double>(gradient[k..]);
                var mk = (b1 * new Vector<double>(m[k..])) + (c1 * g);
                var vk = (b2 * new Vector<double>(v[k..])) + (c2 * g * g);
                mk.CopyTo(m[k..]);
                vk.CopyTo(v[k..]);
                var p = new Vector<double>(parameters[k..]) - (step * mk / ((Vector.SquareRoot(vk) / bc) + eps));
                p.CopyTo(parameters[k..]);
            }
        }

        for (; k < parameters.Length; k++)
        {
            double g = gradient[k];
            m[k] = (beta1 * m[k]) + ((1 - beta1) * g);
            v[k] = (beta2 * v[k]) + ((1 - beta2) * g * g);
            parameters[k] -= stepSize * m[k] / ((Math.Sqrt(v[k]) / bc2Sqrt) + epsilon);
        }
    }
}
