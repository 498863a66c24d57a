using System.Text.Json;

namespace Engram.Cli.Tests;

public class CostQueryCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void Json_prints_exactly_the_three_fields_of_one_action()
    {
        var root = Json("cost", "query", "--profile", "neurosim", "--node", "22", "--component", "adc_sar", "--bits", "5", "--json");
        Assert.Equal(["energy_j", "latency_ps", "area_um2"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.InRange(root.GetProperty("energy_j").GetDouble(), 42.4e-15 * 0.95, 42.4e-15 * 1.05);
        Assert.Equal(6_000, root.GetProperty("latency_ps").GetDouble());
        Assert.InRange(root.GetProperty("area_um2").GetDouble(), 124 * 0.95, 124 * 1.05);
    }

    [Theory]
    [InlineData("cell_read_on")]
    [InlineData("cell_read_off")]
    [InlineData("row_driver")]
    [InlineData("sense_amp")]
    [InlineData("adc_flash")]
    [InlineData("adc_sar")]
    [InlineData("shift_add")]
    [InlineData("adder16")]
    [InlineData("dff16")]
    [InlineData("adder_tree8")]
    [InlineData("write_set")]
    public void Every_component_answers_in_every_profile(string component)
    {
        foreach (var profile in new[] { "neurosim", "survey", "isaac" })
        {
            var root = Json("cost", "query", "--profile", profile, "--node", "32", "--component", component, "--json");
            Assert.True(root.GetProperty("energy_j").GetDouble() > 0, $"{profile}/{component}");
        }
    }

    [Fact]
    public void Other_nodes_scale_and_explain_says_how()
    {
        double at22 = Json("cost", "query", "--profile", "isaac", "--node", "22", "--component", "adc_sar", "--bits", "5", "--json").GetProperty("energy_j").GetDouble();
        Assert.InRange(at22, 0.99e-12 * 0.446 * 0.99, 0.99e-12 * 0.446 * 1.01);
        var (code, output, _) = CliRunner.Run("cost", "query", "--profile", "isaac", "--node", "22", "--component", "adc_sar", "--bits", "5", "--explain");
        Assert.Equal(0, code);
        Assert.Contains("ISAAC", output, StringComparison.Ordinal);
        Assert.Contains("scaled 32 -> 22 nm", output, StringComparison.Ordinal);
        Assert.Contains("Stillmaker", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neurosim", "32", "NeuroSim per-node scaling from 22 nm")]
    [InlineData("neurosim", "45", "NeuroSim per-node scaling from 22 nm")]
    [InlineData("neurosim", "14", "Stillmaker-Baas scaling from 22 nm")]
    [InlineData("survey", "32", "Stillmaker-Baas scaling from 22 nm")]
    public void The_source_line_says_which_scaling_reached_the_node(string profile, string node, string expected)
    {
        var (code, output, _) = CliRunner.Run("cost", "query", "--profile", profile, "--node", node, "--component", "sense_amp");
        Assert.Equal(0, code);
        Assert.Contains("  source   ", output, StringComparison.Ordinal);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_implausible_adc_is_warned_about_on_stderr()
    {
        var (code, _, error) = CliRunner.Run("cost", "query", "--profile", "neurosim", "--node", "22", "--component", "adc_sar", "--bits", "8", "--json");
        Assert.Equal(0, code);
        Assert.Contains("warning", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--profile", "cactus", "--node", "22", "--component", "adc_sar")]
    [InlineData("--profile", "neurosim", "--node", "3", "--component", "adc_sar")]
    [InlineData("--profile", "neurosim", "--node", "22", "--component", "adc_magic")]
    [InlineData("--profile", "neurosim", "--node", "22", "--component", "adc_sar", "--bits", "40")]
    [InlineData("--profile", "isaac", "--node", "32", "--component", "adc_sar", "--bits", "12")]
    public void Bad_values_exit_2_with_one_clear_line(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["cost", "query", .. args, "--json"]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("engram cost query: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Missing_required_options_are_parse_errors() =>
        Assert.NotEqual(0, CliRunner.Run("cost", "query", "--profile", "neurosim").Code);
}

public class BlockKindCostQueryTests
{
    [Fact]
    public void Every_block_kind_is_a_cost_query_component_answering_its_ledger_action()
    {
        foreach (var kind in Engram.Components.Blocks.BlockKinds.All)
        {
            var (code, output, error) = CliRunner.Run("cost", "query", "--profile", "neurosim", "--node", "22", "--component", kind.Name);
            if (kind.Name == "controller")
            {
                Assert.Equal(2, code);
                Assert.Contains("chip YAML", error, StringComparison.Ordinal);
                continue;
            }

            Assert.True(code == 0, $"{kind.Name}: {error}");
            Assert.StartsWith($"{kind.Name} (", output, StringComparison.Ordinal);
            Assert.Contains($".{kind.Actions[0]})", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_adc_kind_takes_its_type_and_bits()
    {
        var (code, output, _) = CliRunner.Run("cost", "query", "--profile", "neurosim", "--node", "22", "--component", "adc", "--bits", "5", "--json");
        Assert.Equal(0, code);
        var (_, sar, _) = CliRunner.Run("cost", "query", "--profile", "neurosim", "--node", "22", "--component", "adc_sar", "--bits", "5", "--json");
        Assert.Equal(sar, output);
        var (flashCode, flash, _) = CliRunner.Run("cost", "query", "--profile", "neurosim", "--node", "22", "--component", "adc", "--adc-type", "flash", "--bits", "5", "--json");
        Assert.Equal(0, flashCode);
        Assert.NotEqual(sar, flash);
    }
}
