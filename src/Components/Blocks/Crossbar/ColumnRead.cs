namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// What a converter takes of one column of a read: the signed current Σ_k sign_k·I_k (with its read noise, less the
/// reference column's current) and the conductance of the column's driven cells over every array (with the reference
/// cells'). A read of a few columns hands these over directly instead of keeping them in the crossbar's per-column
/// buffers, which an asynchronous update would otherwise write and read back on every macro it touches.
/// </summary>
public readonly record struct ColumnRead(double SignedCurrentA, double ConductanceS);
