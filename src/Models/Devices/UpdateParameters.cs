namespace Engram.Models.Devices;

/// <summary>
/// aihwkit <c>UpdateParameters</c> for the stochastic pulsed update (aihwkit <c>rpu_pulsed_meta_parameter.cpp</c>); defaults are the
/// aihwkit defaults (<c>desired_bl = 31</c>, StochasticCompressed, BL and update management on).
/// </summary>
public sealed record UpdateParameters
{
    /// <summary>Longest trains fit in 31 bits next to the sign bit, as in the GPU kernels.</summary>
    public const int MaxBitLength = 31;

    public int DesiredBl { get; init; } = MaxBitLength;

    public bool FixedBl { get; init; } = true;

    public bool UpdateBlManagement { get; init; } = true;

    /// <summary>Forced on whenever <see cref="UpdateBlManagement"/> is on, as in aihwkit.</summary>
    public bool UpdateManagement { get; init; } = true;

    public double UmGradScale { get; init; } = 1.0;

    /// <summary>Probability resolution: 0 = none; values above 1 mean 1/res.</summary>
    public double Res { get; init; }

    public bool StoRound { get; init; }

    public void Validate()
    {
        if (DesiredBl is < 1 or > MaxBitLength)
        {
            throw new ArgumentException($"desired_bl must be in [1, {MaxBitLength}], got {DesiredBl}");
        }

        if (!(UmGradScale > 0))
        {
            throw new ArgumentException($"um_grad_scale must be positive, got {UmGradScale}");
        }

        if (!(Res >= 0))
        {
            throw new ArgumentException($"res must be >= 0, got {Res}");
        }
    }
}
