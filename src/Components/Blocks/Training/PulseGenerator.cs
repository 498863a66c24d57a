using Engram.Models.Costs;

namespace Engram.Components.Blocks.Training;

/// <summary>
/// The <c>pulse_generator</c> block: one stochastic pulse-train generator per row and per column (Gokmen &amp;
/// Vlasov 2016's parallel update). Per line and slot it compares a pseudo-random word with the line's firing
/// probability and steps the random source, so one <c>generate</c> action costs an 8-bit comparison (NeuroSim's
/// ripple adder at 8 bits) plus an 8-bit register write (NeuroSim's DFF at 8 bits): Engram's composition of
/// published NeuroSim figures (an assumption; no publication costs the generator itself).
/// </summary>
public sealed class PulseGenerator
{
    /// <summary>Width of the random word and of the probability it is compared with (assumption: 8 bits, 1/256 resolution).</summary>
    public const int WordBits = 8;

    public PulseGenerator(CostContext costs)
    {
        var (energyJ, areaUm2) = Figures(costs.Library);
        EnergyPerSlotJ = costs.Energy(BlockKinds.PulseGenerator, energyJ);
        AreaPerLineUm2 = costs.Area(BlockKinds.PulseGenerator, areaUm2);
        Source = costs.Source(BlockKinds.PulseGenerator, $"{costs.ProfileSource}: {WordBits}-bit adder + {WordBits}-bit register (Engram composition)");
    }

    /// <summary>Energy of one line for one slot of a train.</summary>
    public double EnergyPerSlotJ { get; }

    public double AreaPerLineUm2 { get; }

    public string Source { get; }

    public static (double EnergyJ, double AreaUm2) Figures(CostLibrary library) =>
        (library.Adder(WordBits).Cost("add").EnergyJ + library.Register(WordBits).Cost("write").EnergyJ,
         library.Adder(WordBits).AreaUm2 + library.Register(WordBits).AreaUm2);
}
