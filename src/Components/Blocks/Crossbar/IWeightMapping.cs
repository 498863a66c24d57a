using Engram.Models.Devices;

namespace Engram.Components.Blocks.Crossbar;

/// <summary>
/// How signed weights sit on devices (<c>devices.mapping</c>): how many physical arrays one weight block takes,
/// whether a column of reference cells sits beside them, and the weight ↔ conductance code at a weight scale.
/// The crossbar reads its arrays with the code's signs: column current = Σ_k sign_k·I_k − G_ref·Σ_i V_i.
/// </summary>
public interface IWeightMapping
{
    string Name { get; }

    /// <summary>Physical arrays per weight block (a differential pair takes two).</summary>
    int ArraysPerBlock { get; }

    /// <summary>Columns of reference cells per array block (they conduct on every read and take area).</summary>
    int ReferenceColumns { get; }

    /// <summary>Conductance of a reference cell (0 when there is no reference column).</summary>
    double ReferenceConductanceS(DeviceCard card);

    IWeightCodec Codec(DeviceCard card, double weightMax);
}

/// <summary>The weight ↔ conductance code of one mapping at one weight scale.</summary>
public interface IWeightCodec
{
    /// <summary>Conductance difference per unit weight (S): the scale every read is decoded with.</summary>
    double ScaleSPerWeight { get; }

    /// <summary>The sign each array's current enters the column current with, one per array.</summary>
    ReadOnlySpan<double> Signs { get; }

    /// <summary>Target conductance of each array's cell for <paramref name="weight"/> (clipped to the scale).</summary>
    void Targets(double weight, Span<double> perArrayS);
}
