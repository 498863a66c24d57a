namespace Engram.Components.Arch;

/// <summary>
/// <c>tiles.array</c>: one crossbar's size (weights per array; a differential pair uses twin arrays) and, optionally,
/// the resistance of its wires per cell segment and of its drivers and sense amplifiers (IR drop). All zero (the
/// default) is the ideal array, read as I = Σ V·G.
/// </summary>
public sealed record ArraySpec(int Rows, int Cols)
{
    public long Cells => (long)Rows * Cols;

    public double WireResistanceOhm { get; init; }

    public double DriverResistanceOhm { get; init; }

    public double SenseResistanceOhm { get; init; }

    public bool HasWires => WireResistanceOhm > 0;
}
