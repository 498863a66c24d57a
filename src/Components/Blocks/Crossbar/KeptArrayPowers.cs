namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// The ohmic power Σ_i V_i²·Σ_j G_ij of physical arrays, each kept for the V² it was taken at (a binary state drives
/// every word line at one |V|, so read after read gives the same sum until the cells change), for many crossbars side
/// by side: a layer keeps its crossbars' in one, column block by column block, so that a read of one column of every
/// row block finds them in one run instead of one per crossbar.
/// </summary>
public sealed class KeptArrayPowers
{
    public KeptArrayPowers(int arrays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(arrays);
        PowerW = new double[arrays];
        SquareV2 = new double[arrays];
        Array.Fill(SquareV2, double.NaN);
    }

    /// <summary>Physical arrays kept.</summary>
    public int Count => PowerW.Length;

    /// <summary>Each array's kept power (W), valid when its <see cref="SquareV2"/> is the V² asked for.</summary>
    internal double[] PowerW { get; }

    /// <summary>The V² each array's power was taken at (NaN: none kept).</summary>
    internal double[] SquareV2 { get; }
}
