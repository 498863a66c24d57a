namespace Engram.Models.Networks;

/// <summary>
/// One crossbar-backed tanh layer of a <see cref="MultilayerMemory"/>: row-major weights (Rows outputs ×
/// Cols inputs) with stuck cells already at their stuck value, a bias per output, and the stuck flags.
/// </summary>
public sealed class MemoryLayer
{
    public MemoryLayer(int rows, int cols, double[] weights, double[]? bias = null, bool[]? stuck = null)
    {
        if (rows <= 0 || cols <= 0 || weights.Length != rows * cols)
        {
            throw new ArgumentException("weights must be rows × cols", nameof(weights));
        }

        if ((bias != null && bias.Length != rows) || (stuck != null && stuck.Length != weights.Length))
        {
            throw new ArgumentException("bias must have one entry per row and stuck one per weight");
        }

        Rows = rows;
        Cols = cols;
        Weights = weights;
        Bias = bias ?? new double[rows];
        Stuck = stuck ?? new bool[weights.Length];
    }

    public int Rows { get; }

    public int Cols { get; }

    public double[] Weights { get; }

    public double[] Bias { get; }

    public bool[] Stuck { get; }
}
