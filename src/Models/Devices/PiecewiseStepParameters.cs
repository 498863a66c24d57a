namespace Engram.Models.Devices;

/// <summary>aihwkit <c>PiecewiseStepDevice</c>: relative step factors on nodes spread evenly over [b_min, b_max].</summary>
public sealed record PiecewiseStepParameters
{
    public IReadOnlyList<double> PiecewiseUp { get; init; } = [1.0];

    public IReadOnlyList<double> PiecewiseDown { get; init; } = [1.0];

    public void Validate()
    {
        if (PiecewiseUp.Count == 0 || PiecewiseUp.Count != PiecewiseDown.Count)
        {
            throw new ArgumentException("piecewise_up and piecewise_down must be non-empty and of equal length");
        }
    }
}
