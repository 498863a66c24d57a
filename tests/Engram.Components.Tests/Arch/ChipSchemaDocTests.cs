using System.Text.RegularExpressions;
using Engram.Components.Arch;

namespace Engram.Components.Tests.Arch;

/// <summary>The schema is written once: docs/chip-schema.md is generated from the section records, and they list exactly the keys the loader reads.</summary>
public class ChipSchemaDocTests
{
    // Every optional key present (and a second clock domain, a cost override), so the loader reads the whole schema.
    private const string Maximal = """
        name: maximal
        technology: { node_nm: 22, vdd_v: 0.85 }
        clocks: { period_ps: 1000, domains: { slow: { period_ps: 2000 } }, blocks: { adc: slow } }
        devices: { card: ../devices/hnn64-rram.yaml, mapping: differential }
        tiles: { count: 2, arrays_per_tile: 4, array: { rows: 64, cols: 64, wire_resistance_ohm: 1, driver_resistance_ohm: 100, sense_resistance_ohm: 100 } }
        periphery:
          dac_bits: 1
          adc: { type: sar, bits: 5, columns_per_adc: 8, full_scale_fraction: [1.0, 0.5] }
          read_pulse_ps: 1000
          neuron: sign
          state_register_bits: 1
          unselected_columns_conduct: true
        controller: { schedule: grouped, group_size: 8, order: random, max_iterations: 100, placement: off_chip,
                      issue_cycles: 1, issue_energy_j: 1.0e-13, host_round_trip_ps: 5000, host_round_trip_energy_j: 1.0e-12, area_um2: 1000 }
        interconnect: { hop_length_um: 100, partial_sum_bits: 16, hop_cycles: 1 }
        network: { kind: multilayer, neurons: 64, hidden: 32 }
        cost_profile: neurosim
        costs: { adc: { energy_j: "42.4 fJ", latency_ps: 6000, area_um2: 124, source: "NeuroSim 5-bit SAR, 22 nm" } }
        """;

    // The keys only a training chip has: an mlp, a pulse-response override and the training section.
    private const string MaximalTraining = """
        name: maximal-training
        technology: { node_nm: 22, vdd_v: 0.85 }
        clocks: { period_ps: 1000 }
        devices: { card: ../devices/softbounds.yaml, mapping: reference_column, pulse_response: { up_down: 0.2 } }
        tiles: { count: 1, arrays_per_tile: 6, array: { rows: 128, cols: 128 } }
        periphery: { dac_bits: 8, adc: { type: sar, bits: 8, columns_per_adc: 8 }, read_pulse_ps: 1000, neuron: tanh, state_register_bits: 8 }
        controller: { schedule: sync, order: sequential, max_iterations: 1, placement: on_chip,
                      issue_cycles: 1, issue_energy_j: 1.0e-13, host_round_trip_ps: 0, host_round_trip_energy_j: 0, area_um2: 1000 }
        interconnect: { hop_length_um: 100, partial_sum_bits: 16, hop_cycles: 1 }
        network: { kind: mlp, layers: [64, 32, 10] }
        training: { backward: true, pulse_generators: true, update: { desired_bl: 31, update_bl_management: true, update_management: true },
                    out_bound: 12, transfer_out_bound: 1, out_noise: 0.06, reference_std: 0, zero_shift_pulse_pairs: 10, digital_lanes: 32 }
        cost_profile: neurosim
        """;

    [Fact]
    public void The_schema_doc_is_generated_from_the_records()
    {
        string path = Path.Combine(RepoPaths.Root, "docs", "chip-schema.md");
        string generated = ChipSchemaDoc.Markdown();
        if (Environment.GetEnvironmentVariable("ENGRAM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, generated);
            Assert.Fail("docs/chip-schema.md rewritten; review the diff and rerun without ENGRAM_UPDATE_GOLDEN");
        }

        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void The_records_list_exactly_the_keys_the_loader_reads()
    {
        var read = new List<string>();
        foreach (var yaml in new[] { Maximal, MaximalTraining })
        {
            using var reader = new StringReader(yaml);
            var document = ArchDocument.Parse(Path.Combine(RepoPaths.Chips, "maximal.yaml"), reader);
            ChipLoader.Read(document, long.MaxValue);
            read.AddRange(document.ReadPaths);
        }

        var leaves = read.Where(p => !read.Any(q => q.StartsWith(p + ".", StringComparison.Ordinal))).ToList();
        var patterns = ChipSpec.Schema.Select(k => (k.Key, Regex: new Regex("^" + Regex.Escape(k.Key).Replace("<name>", "[^.]+").Replace("<kind>", "[^.]+").Replace("<key>", "[^.]+") + "$"))).ToList();
        Assert.All(leaves, leaf => Assert.True(patterns.Any(p => p.Regex.IsMatch(leaf)), $"{leaf} is read by the loader but not in the schema"));
        Assert.All(patterns, p => Assert.True(leaves.Any(p.Regex.IsMatch), $"{p.Key} is in the schema but the loader did not read it"));
    }
}
