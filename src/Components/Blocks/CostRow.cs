namespace Engram.Components.Blocks;

/// <summary>
/// One action of one block kind as <c>engram cost CHIP</c> prints it: the figures the chip will charge.
/// </summary>
/// <param name="Detail">What is special about this instance (ADC type and bits, neuron function, ...).</param>
/// <param name="EnergyNote">How data-dependent terms add to <paramref name="EnergyJ"/> ("" when none).</param>
/// <param name="AreaUm2">Area of one unit, or null when the block has no area of its own.</param>
public sealed record CostRow(string Kind, string Action, string Detail, double EnergyJ, string EnergyNote, int Cycles, long PeriodPs, double? AreaUm2, string Source);
