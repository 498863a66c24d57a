using Engram.Components.Arch;
using Engram.Sim.Core;

namespace Engram.Components.Blocks.Control;

/// <summary>
/// The <c>controller</c> block: it issues every step of a recall (<c>issue</c>: <c>issue_cycles</c> and
/// <c>issue_energy_j</c> from the YAML) and, placed off chip, pays a host round trip per step (<c>round_trip</c>).
/// </summary>
public sealed class Controller
{
    public Controller(CostContext costs, BlockSite? site = null)
    {
        var spec = costs.Spec.Controller;
        IssueEnergyJ = costs.Energy(BlockKinds.Controller, spec.IssueEnergyJ);
        AreaUm2 = costs.Area(BlockKinds.Controller, spec.AreaUm2);
        PeriodPs = costs.PeriodPs(BlockKinds.Controller);
        OffChip = spec.Placement == ControllerPlacement.OffChip;
        RoundTripEnergyJ = OffChip ? spec.HostRoundTripEnergyJ : 0;
        Source = costs.Source(BlockKinds.Controller, "YAML controller.issue_*");
        Issue = new TimedAction(site, "issue", spec.IssueCycles);
        RoundTrip = new TimedAction(site, "round_trip", OffChip ? costs.Cycles(BlockKinds.Controller, spec.HostRoundTripPs) : 0);
    }

    public double IssueEnergyJ { get; }

    public double AreaUm2 { get; }

    public long PeriodPs { get; }

    public bool OffChip { get; }

    public double RoundTripEnergyJ { get; }

    public string Source { get; }

    public TimedAction Issue { get; }

    public TimedAction RoundTrip { get; }

    /// <summary>One step: the issue, then the host round trip when the controller is off chip.</summary>
    /// <remarks>
    /// On chip the step is the issue's own waits (a recall's process then resumes one iterator fewer per wait); both
    /// are lazy, so nothing runs before the first resume either way.
    /// </remarks>
    public IEnumerable<Wait> Step(int component) =>
        RoundTrip.Cycles > 0 ? IssueAndRoundTrip(component) : Issue.Run(component, 1, IssueEnergyJ);

    private IEnumerable<Wait> IssueAndRoundTrip(int component)
    {
        foreach (var w in Issue.Run(component, 1, IssueEnergyJ))
        {
            yield return w;
        }

        foreach (var w in RoundTrip.Run(component, 1, RoundTripEnergyJ))
        {
            yield return w;
        }
    }

    public IEnumerable<CostRow> Rows()
    {
        yield return new CostRow(BlockKinds.Controller, "issue", "per step", IssueEnergyJ, "", Issue.Cycles, PeriodPs, AreaUm2, Source);
        if (OffChip)
        {
            yield return new CostRow(BlockKinds.Controller, "round_trip", "per step, host off chip", RoundTripEnergyJ, "", RoundTrip.Cycles, PeriodPs, null, "YAML controller.host_round_trip_*");
        }
    }
}
