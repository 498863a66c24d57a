using Engram.Components.Arch;
using Engram.Components.Blocks;
using Engram.Components.Chips;
using Engram.Components.Ledger;
using Engram.Models.Learning;
using Engram.Models.Patterns;

namespace Engram.Components.Tests.Chips;

/// <summary>
/// One name per block kind: the YAML's <c>costs.&lt;kind&gt;</c> and <c>clocks.blocks.&lt;kind&gt;</c> keys, the
/// ledger's component kinds and action names, and the cost table's rows all use the kinds of <see cref="BlockKinds"/>.
/// </summary>
public class BlockKindNamingTests
{
    // Bit-serial inputs and 2x2 blocks: every block kind has something to do.
    private static ChipSpec EveryBlock(Dictionary<string, CostOverride>? costs = null) => TestChips.Ideal(16, 8, 8, dacBits: 4, costs: costs ?? []);

    [Fact]
    public void Every_kind_the_ledger_charges_is_a_block_kind_with_its_own_actions()
    {
        var chip = new Chip(EveryBlock(), 2);
        var patterns = RandomPatterns.Binary(2, 16, new Random(3));
        chip.ProgramVerified(0, new HebbRule().Learn(patterns));
        foreach (var schedule in new[] { Schedule.Sync, Schedule.Async, "grouped:4" })
        {
            chip.Recall(patterns[0], schedule, UpdateOrder.Random, 5);
        }

        chip.Finish();
        var charged = chip.Ledger.Breakdown().Where(r => r.Action != EnergyLedger.LeakageAction).ToList();
        var kinds = charged.Select(r => EnergyLedger.KindOf(r.ComponentPath)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(BlockKinds.All.Where(k => !k.TrainingOnly).Select(k => k.Name).Order(StringComparer.Ordinal), kinds);
        foreach (var row in charged)
        {
            Assert.Contains(row.Action, BlockKinds.Of(EnergyLedger.KindOf(row.ComponentPath)).Actions);
        }

        Assert.All(chip.AreaUm2.Keys, path => Assert.Contains(EnergyLedger.KindOf(path), BlockKinds.All.Select(k => k.Name)));
    }

    [Fact]
    public void The_cost_table_has_a_row_per_kind_and_action_under_the_ledger_names()
    {
        var rows = new ChipBlocks(EveryBlock()).Rows().ToList();
        foreach (var kind in BlockKinds.All.Where(k => !k.TrainingOnly))
        {
            var actions = rows.Where(r => r.Kind == kind.Name).Select(r => r.Action).Distinct().ToList();
            Assert.NotEmpty(actions);
            Assert.All(actions, a => Assert.Contains(a, kind.Actions));
        }

        Assert.All(rows, r => Assert.Contains(r.Kind, BlockKinds.All.Select(k => k.Name)));
    }

    [Fact]
    public void Every_overridable_kind_is_a_costs_key_and_every_kind_a_clocks_key()
    {
        string chip = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml"));
        foreach (var kind in BlockKinds.All.Select(k => k.Name))
        {
            string clocked = BlockKinds.Of(kind).Clocked ? $"\n  blocks: {{ {kind}: slow }}" : "";
            string yaml = chip.Replace("  period_ps: 1000", $"  period_ps: 1000\n  domains: {{ slow: {{ period_ps: 2000 }} }}{clocked}", StringComparison.Ordinal);
            bool overridable = BlockKinds.Overridable.Contains(kind);
            if (overridable)
            {
                yaml += $"costs:\n  {kind}: {{ energy_j: 1.0e-15, source: test }}\n";
            }

            var spec = ChipLoader.Parse(Path.Combine(RepoPaths.Chips, $"{kind}.yaml"), yaml);
            Assert.Equal(BlockKinds.Of(kind).Clocked ? 2_000 : 1_000, spec.Clock.PeriodOf(kind));
            Assert.Equal(overridable, spec.CostOverrides.ContainsKey(kind));
        }

        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "p.yaml"), chip + "costs:\n  programmer: { energy_j: 1.0e-15, source: test }\n"));
        Assert.Equal("costs.programmer", e.KeyPath);
        e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "w.yaml"), chip + "costs:\n  wire: { energy_j: 1.0e-15, source: test }\n"));
        Assert.Contains("costs.interconnect", e.Detail, StringComparison.Ordinal);
    }
}

public class CompositeTotalsTests
{
    [Fact]
    public void Macros_layers_and_the_chip_sum_their_blocks()
    {
        var spec = TestChips.Ideal(16, 8, 8, dacBits: 4, costs: []);
        var area = ChipLayout.AreaUm2(spec);
        var totals = CompositeTotals.Of(area);
        Assert.Equal(area["L0/b1.0/crossbar"] + area["L0/b1.0/row_driver"] + area["L0/b1.0/adc"], totals["L0/b1.0"], 9);
        double macros = totals["L0/b0.0"] + totals["L0/b0.1"] + totals["L0/b1.0"] + totals["L0/b1.1"];
        Assert.Equal(macros + area["L0/adder_tree"] + area["L0/shift_add"], totals["L0"], 9);
        Assert.Equal(totals["L0"] + area["neuron"] + area["state_register"] + area["controller"], totals[""], 9);
        Assert.Equal(area.Values.Sum(), totals[""], 9);
    }
}

public class CostOverrideFieldTests
{
    [Theory]
    [InlineData("interconnect: { latency_ps: 5, source: t }", "costs.interconnect.latency_ps")]
    [InlineData("interconnect: { area_um2: 5, source: t }", "costs.interconnect.area_um2")]
    [InlineData("crossbar: { latency_ps: 5, source: t }", "costs.crossbar.latency_ps")]
    [InlineData("row_driver: { latency_ps: 5, source: t }", "costs.row_driver.latency_ps")]
    [InlineData("controller: { latency_ps: 5, source: t }", "costs.controller.latency_ps")]
    public void A_figure_the_block_does_not_take_from_costs_is_rejected_at_its_key(string entry, string keyPath)
    {
        string yaml = File.ReadAllText(Path.Combine(RepoPaths.Chips, "hnn64.yaml")) + $"costs:\n  {entry}\n";
        var e = Assert.Throws<ArchException>(() => ChipLoader.Parse(Path.Combine(RepoPaths.Chips, "o.yaml"), yaml));
        Assert.Equal(keyPath, e.KeyPath);
    }
}
