using Engram.Models.Costs;

namespace Engram.Models.Tests.Costs;

/// <summary>Every cost model, in every profile and at every supported node, states its units and sources.</summary>
public class ProvenanceTests
{
    private static readonly double[] Nodes = [7, 14, 22, 32, 45, 65, 130];

    private static IEnumerable<IComponentCostModel> EveryModel()
    {
        foreach (var profile in CostLibrary.Profiles)
        {
            foreach (double node in Nodes)
            {
                var lib = new CostLibrary(profile, node);
                yield return lib.Cells();
                yield return lib.CellPhysics();
                yield return lib.RowDriver();
                yield return lib.SenseAmp();
                foreach (int bits in new[] { 4, 5, 6, 8 })
                {
                    yield return lib.Adc(AdcKind.Sar, bits);
                    yield return lib.Adc(AdcKind.Flash, bits);
                }

                yield return lib.ShiftAdd();
                yield return lib.Adder(16);
                yield return lib.Register(8);
                yield return lib.AdderTree(8);
                yield return lib.Mux();
                yield return lib.Wire(100, 0.85);
                yield return lib.Buffer();
                yield return lib.Router();
            }
        }
    }

    [Fact]
    public void Every_cost_model_type_is_reachable_from_a_profile()
    {
        var modelTypes = typeof(IComponentCostModel).Assembly.GetTypes()
            .Where(t => typeof(IComponentCostModel).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToHashSet();
        var reached = EveryModel().Select(m => m.GetType()).ToHashSet();
        var missing = modelTypes.Except(reached).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"cost models no profile builds (so this test cannot check them): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_constant_has_a_unit_in_its_name_and_a_complete_provenance()
    {
        var failures = new List<string>();
        foreach (var model in EveryModel())
        {
            if (model.Constants.Count == 0)
            {
                failures.Add($"{model.GetType().Name} ({model.Profile}, {model.NodeNm} nm) lists no constants");
            }

            foreach (var constant in model.Constants)
            {
                if (!constant.Source.IsComplete)
                {
                    failures.Add($"{model.GetType().Name}.{constant.Name}: incomplete provenance '{constant.Source}'");
                }

                if (!CostUnits.NameCarriesUnit(constant.Name, constant.Unit))
                {
                    failures.Add($"{model.GetType().Name}.{constant.Name}: name does not carry unit {constant.Unit}");
                }

                if (!double.IsFinite(constant.Value))
                {
                    failures.Add($"{model.GetType().Name}.{constant.Name}: not a finite number");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }

    [Fact]
    public void Every_action_is_finite_and_non_negative_and_explained()
    {
        foreach (var model in EveryModel())
        {
            Assert.True(model.AreaUm2 >= 0 && double.IsFinite(model.AreaUm2), $"{model.Kind} area");
            Assert.True(model.LeakageW >= 0, $"{model.Kind} leakage");
            foreach (var action in model.Actions)
            {
                var cost = model.Cost(action);
                Assert.True(cost.EnergyJ >= 0 && double.IsFinite(cost.EnergyJ), $"{model.Kind}.{action} energy");
                Assert.True(cost.LatencyPs >= 0 && double.IsFinite(cost.LatencyPs), $"{model.Kind}.{action} latency");
            }

            string explain = model.Explain();
            Assert.Contains(model.Kind, explain, StringComparison.Ordinal);
            Assert.Contains(model.IsScaledOrFormula() ? "->" : "nm", explain, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unit_names_are_checked_for_real()
    {
        Assert.True(CostUnits.NameCarriesUnit("ReadEnergyJ", CostUnit.Joule));
        Assert.False(CostUnits.NameCarriesUnit("ReadEnergy", CostUnit.Joule));
        Assert.False(CostUnits.NameCarriesUnit("AreaUm2", CostUnit.Picosecond));
        Assert.False(CostUnits.NameCarriesUnit("Slope", CostUnit.Dimensionless));
        Assert.False(new Provenance("", "22 nm", 2024, "x").IsComplete);
    }

    [Fact]
    public void Unknown_actions_name_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CostLibrary(CostLibrary.NeuroSim, 22).SenseAmp().Cost("convert"));
        Assert.Contains("sense", ex.Message, StringComparison.Ordinal);
    }
}

internal static class CostModelTestExtensions
{
    public static bool IsScaledOrFormula(this IComponentCostModel model) =>
        model is ComponentCostModel { IsScaled: true };
}
