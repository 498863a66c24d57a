using Engram.Sim.Core;

namespace Engram.Components.Training;

/// <summary>
/// One weight layer of an MLP as a training algorithm sees it: W is outputs × inputs with the bias as the last
/// input (driven at 1). Every step is a kernel wait sequence, so analog layers cost time and energy and the
/// floating-point reference costs neither.
/// </summary>
public interface IMlpLayer
{
    /// <summary>Inputs including the bias input.</summary>
    int Inputs { get; }

    int Outputs { get; }

    /// <summary>y = W·x (x has <see cref="Inputs"/> values, the last one 1).</summary>
    IEnumerable<Wait> Forward(double[] x, double[] y);

    /// <summary>z = Wᵀ·d without the bias row (z has <see cref="Inputs"/> − 1 values).</summary>
    IEnumerable<Wait> Backward(double[] d, double[] z);

    /// <summary>The weight update for one sample's x and d (W ← W − lr·d·xᵀ, as the algorithm realises it).</summary>
    IEnumerable<Wait> Update(double[] x, double[] d);

    /// <summary>Work the algorithm does after the update (Tiki-Taka and SHD transfers); empty for others.</summary>
    IEnumerable<Wait> Transfer();

    /// <summary>Pulses applied so far (gradient and transfer writes).</summary>
    long Pulses { get; }

    /// <summary>Transfer events so far (one-hot read and write of one input line).</summary>
    long TransferEvents { get; }

    /// <summary>The effective weight of output <paramref name="output"/> from input <paramref name="input"/> (what a forward read sees, noise-free).</summary>
    double Weight(int output, int input);
}
