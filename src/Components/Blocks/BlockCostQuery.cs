using Engram.Components.Blocks.Neurons;
using Engram.Models.Costs;

namespace Engram.Components.Blocks;

/// <summary>
/// <c>engram cost query --component KIND</c> for a block kind: the profile's figure for the kind's main action,
/// named as the ledger names it. Options the chip would give come from the query (<c>bits</c>: ADC resolution,
/// register width or neuron adder width; <c>inputs</c>: adder-tree inputs; <c>adcType</c>). The controller's
/// figures are the chip's own (<c>controller.issue_*</c>), so no profile answers for it.
/// </summary>
public static class BlockCostQuery
{
    public static bool IsBlockKind(string component) => BlockKinds.All.Any(k => k.Name == component);

    public static CostQueryResult Run(string profile, double nodeNm, string kind, int? bits, int? inputs, string adcType, double sampleRateHz, double wireLengthUm, double vddV)
    {
        var library = new CostLibrary(profile, nodeNm);
        (IComponentCostModel model, ActionCost cost, double areaUm2) = kind switch
        {
            BlockKinds.Crossbar => Of(library.Cells(), CellArrayCost.ReadOn),
            BlockKinds.RowDriver => Of(library.RowDriver(), RowDriverCost.DriveRowOne),
            BlockKinds.Adc => Adc(library, adcType, bits ?? 5, sampleRateHz),
            BlockKinds.ShiftAdd => Of(library.ShiftAdd(), "shift_add"),
            BlockKinds.AdderTree => Of(library.AdderTree(inputs ?? 8), "reduce"),
            BlockKinds.Interconnect => Of(library.Wire(wireLengthUm, vddV), WireCost.Transfer),
            BlockKinds.Neuron => Neuron(library, bits ?? 5),
            BlockKinds.StateRegister => Of(library.Register(bits ?? 1), "write"),
            BlockKinds.Programmer => Of(library.CellPhysics(), CellArrayCost.WriteSet),
            BlockKinds.ColumnDriver => Of(library.RowDriver(), RowDriverCost.DriveRowOne),
            BlockKinds.PulseGenerator => PulseGenerator(library),
            BlockKinds.DigitalUnit => Of(library.Adder(16), "add"),
            BlockKinds.Controller => throw new ArgumentException("the controller's figures come from the chip YAML (controller.issue_cycles, issue_energy_j, area_um2); no cost profile has one"),
            _ => throw new ArgumentException($"unknown block kind '{kind}'; kinds: {string.Join(", ", BlockKinds.All.Select(k => k.Name))}"),
        };

        string note = model.Profile != profile ? $"note: profile '{profile}' publishes no figure for {kind}; using {model.Profile}'s, scaled to {nodeNm:G4} nm" : string.Empty;
        if (model is IAdcCostModel adc && AdcLimits.Check(adc) is { } warning)
        {
            note = note.Length == 0 ? warning : note + Environment.NewLine + warning;
        }

        return new CostQueryResult(kind, BlockKinds.Of(kind).Actions[0], cost, areaUm2, model, note);
    }

    private static (IComponentCostModel, ActionCost, double) Of(IComponentCostModel model, string action) => (model, model.Cost(action), model.AreaUm2);

    private static (IComponentCostModel, ActionCost, double) Adc(CostLibrary library, string type, int bits, double sampleRateHz)
    {
        IComponentCostModel model = type switch
        {
            "sar" => library.Adc(AdcKind.Sar, bits, sampleRateHz),
            "flash" => library.Adc(AdcKind.Flash, bits, sampleRateHz),
            "sense_amp" => library.SenseAmp(),
            _ => throw new ArgumentException($"--adc-type must be sar, flash or sense_amp, got '{type}'"),
        };
        return Of(model, model.Actions[0]);
    }

    private static (IComponentCostModel, ActionCost, double) PulseGenerator(CostLibrary library)
    {
        var (energyJ, areaUm2) = Training.PulseGenerator.Figures(library);
        return (library.Adder(Training.PulseGenerator.WordBits), new ActionCost(energyJ, 0), areaUm2);
    }

    private static (IComponentCostModel, ActionCost, double) Neuron(CostLibrary library, int bits)
    {
        var circuit = Neurons.Neurons.Sign.Circuit(library, bits);
        return (library.Adder(bits), new ActionCost(circuit.EnergyJ, circuit.LatencyPs), circuit.AreaUm2);
    }
}
