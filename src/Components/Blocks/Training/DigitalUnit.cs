namespace Engram.Components.Blocks.Training;

/// <summary>
/// The <c>digital_unit</c> block: the per-sample digital work of training — max|x| and max|d| for the pulse
/// probabilities, activation derivatives, the output error, and the transfer buffers of TTv2. An <c>op</c> is one
/// 16-bit add-class operation (NeuroSim's 16-bit ripple adder); a <c>buffer_access</c> one 16-bit register write
/// (NeuroSim's DFF). <see cref="Lanes"/> operations run per cycle (<c>training.digital_lanes</c>).
/// </summary>
public sealed class DigitalUnit
{
    public DigitalUnit(CostContext costs, int lanes)
    {
        var library = costs.Library;
        OpEnergyJ = costs.Energy(BlockKinds.DigitalUnit, library.Adder(16).Cost("add").EnergyJ);
        BufferEnergyJ = costs.Energy(BlockKinds.DigitalUnit, library.Register(16).Cost("write").EnergyJ);
        AreaUm2 = costs.Area(BlockKinds.DigitalUnit, lanes * (library.Adder(16).AreaUm2 + library.Register(16).AreaUm2));
        Lanes = lanes;
        Source = costs.Source(BlockKinds.DigitalUnit, $"{costs.ProfileSource}: 16-bit adder per op, 16-bit register per buffer word");
    }

    public double OpEnergyJ { get; }

    public double BufferEnergyJ { get; }

    public double AreaUm2 { get; }

    public int Lanes { get; }

    public string Source { get; }

    /// <summary>Cycles for <paramref name="ops"/> operations on <see cref="Lanes"/> lanes.</summary>
    public long Cycles(long ops) => (ops + Lanes - 1) / Lanes;
}
