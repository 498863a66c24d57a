namespace Engram.Components.Blocks.Drivers;

/// <summary>
/// How neuron states become word-line voltages: one or more input planes per read, each a vector in [−1, 1]
/// (times the read voltage), whose converted results are added with <see cref="PlaneWeight"/> (shift-add).
/// </summary>
public interface IInputDriver
{
    /// <summary>The registered name (chosen from <c>periphery.dac_bits</c>).</summary>
    string Name { get; }

    /// <summary>Reads per input vector (1 for a bipolar driver, the magnitude bits for a bit-serial DAC).</summary>
    int Planes { get; }

    /// <summary>Plane <paramref name="plane"/> of <paramref name="input"/> into <paramref name="levels"/>.</summary>
    void Encode(ReadOnlySpan<double> input, int plane, Span<double> levels);

    /// <summary>The weight of plane <paramref name="plane"/>'s result in the sum.</summary>
    double PlaneWeight(int plane);
}
