namespace Engram.Models.Learning;

/// <summary>
/// Training state of one masked tanh layer (Rows outputs × Cols inputs, row-major): raw weights, bias, the
/// trainable mask (0 = stuck or forbidden cell, held at <see cref="Fixed"/>), and the per-batch buffers.
/// </summary>
internal sealed class MaskedTanhLayer
{
    public MaskedTanhLayer(int rows, int cols, int batch, bool[] frozen, double fixedValue)
    {
        Rows = rows;
        Cols = cols;
        Weights = new double[rows * cols];
        Bias = new double[rows];
        Trainable = new double[rows * cols];
        Fixed = new double[rows * cols];
        for (int k = 0; k < frozen.Length; k++)
        {
            Trainable[k] = frozen[k] ? 0 : 1;
            Fixed[k] = frozen[k] ? fixedValue : 0;
        }

        Compact = new TrainableSubset(Trainable);
        Effective = new double[rows * cols];
        EffectiveTransposed = new double[cols * rows];
        WeightGradient = new double[rows * cols];
        BiasGradient = new double[rows];
        Output = new double[batch * rows];
        Delta = new double[batch * rows];
    }

    public int Rows { get; }

    public int Cols { get; }

    public double[] Weights { get; }

    public double[] Bias { get; }

    /// <summary>1 where the cell learns, 0 where it is frozen.</summary>
    public double[] Trainable { get; }

    /// <summary>The trainable cells packed for the optimizer.</summary>
    public TrainableSubset Compact { get; }

    /// <summary>The frozen value of each frozen cell (0 elsewhere).</summary>
    public double[] Fixed { get; }

    /// <summary>Weights the forward pass uses: W (+ noise) where trainable, the fixed value elsewhere.</summary>
    public double[] Effective { get; }

    /// <summary>
    /// <see cref="Effective"/> as Cols × Rows, so the forward product runs along contiguous output rows
    /// (refreshed with it each pass; N² work against the pass's P·N²).
    /// </summary>
    public double[] EffectiveTransposed { get; }

    public double[] WeightGradient { get; }

    public double[] BiasGradient { get; }

    /// <summary>Batch × Rows activations.</summary>
    public double[] Output { get; }

    /// <summary>Batch × Rows loss gradient with respect to the pre-activations.</summary>
    public double[] Delta { get; }

    public OptimizerState? WeightState { get; set; }

    public OptimizerState? BiasState { get; set; }

    /// <summary>PyTorch nn.Linear default: W then b from U(−1/√fan_in, 1/√fan_in).</summary>
    public void Initialise(Random rng) => LinearInit.Uniform(Weights, Bias, Cols, rng);

    /// <summary>The stored weights: trained values where trainable, the frozen value elsewhere.</summary>
    public double[] StoredWeights()
    {
        var w = new double[Weights.Length];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = (Weights[k] * Trainable[k]) + Fixed[k];
        }

        return w;
    }
}
