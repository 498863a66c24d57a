namespace Engram.Components.Arch;

/// <summary><c>tiles.array</c>: one crossbar's size (weights per array; a differential pair uses twin arrays).</summary>
public sealed record ArraySpec(int Rows, int Cols)
{
    public long Cells => (long)Rows * Cols;
}
