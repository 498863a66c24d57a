namespace Engram.Models.Costs;

/// <summary>One action of one component, as <c>engram cost query</c> reports it.</summary>
public sealed record CostQueryResult(string Component, string Action, ActionCost Cost, double AreaUm2, IComponentCostModel Model, string Note)
{
    public string Explain() => Note.Length == 0 ? Model.Explain() : Note + Environment.NewLine + Model.Explain();
}

/// <summary>
/// The component names users and calibration scripts ask for, mapped onto cost models and actions.
/// </summary>
public static class CostQuery
{
    public static readonly IReadOnlyList<string> Components =
    [
        "cell_read_on", "cell_read_off", "row_driver", "sense_amp", "adc_flash", "adc_sar", "shift_add", "adder16", "dff16", "adder_tree8", "write_set",
    ];

    public static CostQueryResult Run(string profile, double nodeNm, string component, int? bits = null, double sampleRateHz = SurveyAdcCost.DefaultSampleRateHz)
    {
        var library = new CostLibrary(profile, nodeNm);
        (IComponentCostModel model, string action) = component switch
        {
            "cell_read_on" => (library.Cells(), CellArrayCost.ReadOn),
            "cell_read_off" => (library.Cells(), CellArrayCost.ReadOff),
            "write_set" => ((IComponentCostModel)library.CellPhysics(), CellArrayCost.WriteSet),
            "row_driver" => (library.RowDriver(), RowDriverCost.DriveRow),
            "sense_amp" => (library.SenseAmp(), SenseAmpCost.Sense),
            "adc_flash" => (library.Adc(AdcKind.Flash, bits ?? 5, sampleRateHz), "convert"),
            "adc_sar" => (library.Adc(AdcKind.Sar, bits ?? 5, sampleRateHz), "convert"),
            "shift_add" => (library.ShiftAdd(), "shift_add"),
            "adder16" => (library.Adder(bits ?? 16), "add"),
            "dff16" => (library.Register(bits ?? 16), "write"),
            "adder_tree8" => (library.AdderTree(8), "reduce"),
            _ => throw new ArgumentException($"unknown component '{component}'; components: {string.Join(", ", Components)}", nameof(component)),
        };

        string note = model.Profile != profile
            ? $"note: profile '{profile}' publishes no figure for {component}; using {model.Profile}'s, scaled to {nodeNm:G4} nm"
            : string.Empty;
        if (model is IAdcCostModel adc && AdcLimits.Check(adc) is { } warning)
        {
            note = note.Length == 0 ? warning : note + Environment.NewLine + warning;
        }

        return new CostQueryResult(component, action, model.Cost(action), model.AreaUm2, model, note);
    }
}
